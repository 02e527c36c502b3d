namespace Centrex.Switch.Registration;

/// <summary>What checking a request's digest credentials found.</summary>
internal enum DigestOutcome : byte
{
    /// <summary>Valid credentials for a known account.</summary>
    Authenticated,

    /// <summary>No Digest credentials for our realm (or another scheme, RFC 4475 §3.3.11): challenge.</summary>
    Missing,

    /// <summary>The response was right but the nonce has expired: challenge with stale=true (RFC 7616 §3.3).</summary>
    Stale,

    /// <summary>Wrong password, unknown user, forged nonce or an algorithm without a stored hash: challenge again.</summary>
    Refused,
}
