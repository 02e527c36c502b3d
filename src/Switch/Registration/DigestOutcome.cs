namespace Centrex.Switch.Registration;

/// <summary>What checking a request's digest credentials found.</summary>
internal enum DigestOutcome : byte
{
    /// <summary>Valid credentials for a known account, with a nonce count not used before.</summary>
    Authenticated,

    /// <summary>No Digest credentials for our realm (or another scheme, RFC 4475 §3.3.11): challenge.</summary>
    Missing,

    /// <summary>
    /// The response was right but the nonce has expired (or was forgotten at the nonce table's capacity): challenge
    /// with stale=true (RFC 7616 §3.3). Not an authentication failure.
    /// </summary>
    Stale,

    /// <summary>No account has the username given: a failure.</summary>
    UnknownUser,

    /// <summary>The response does not match the account's password: a failure.</summary>
    WrongPassword,

    /// <summary>A right response whose nonce count was accepted before (or a second use of a nonce without qop): a failure.</summary>
    Replay,

    /// <summary>
    /// Credentials that cannot be checked: a nonce this switch did not issue, a digest-uri that is not the
    /// Request-URI, a missing parameter, an unknown algorithm or qop, a malformed nonce count: a failure.
    /// </summary>
    Invalid,
}
