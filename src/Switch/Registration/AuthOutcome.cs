namespace Centrex.Switch.Registration;

/// <summary>What a partition found checking one request's credentials, reported to the router (<see cref="SourceGuard"/>).</summary>
internal enum AuthOutcome : byte
{
    /// <summary>Nothing to count: no credentials were checked (a retransmission, a request refused first), or a stale nonce.</summary>
    None,

    /// <summary>The credentials authenticated.</summary>
    Authenticated,

    /// <summary>A failure to count against the source (wrong password, unknown user, replay).</summary>
    Failed,
}
