namespace Centrex.Switch;

/// <summary>
/// Limits on digest authentication (issue 13 item 6): how much replay-tracking state the switch keeps.
/// </summary>
public sealed record SipAuthLimits
{
    /// <summary>
    /// Most nonces whose accepted nonce counts are kept (entries live as long as the nonce is fresh). At the cap the
    /// oldest-issued is forgotten and every nonce issued up to it is answered stale (the client retries with a fresh
    /// one), never accepted again.
    /// </summary>
    public int MaxTrackedNonces { get; init; } = 100_000;
}
