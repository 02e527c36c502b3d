namespace Centrex.Switch.Partitions;

/// <summary>
/// How fast one source address may send requests that open something (outside a dialog) before the router drops the
/// rest (issue 14: a flood from one address must not take the switch from everyone else). A source that authenticated
/// lately (an office's NAT in front of its phones) gets <see cref="AuthenticatedFactor"/> times as much. Trunks and the
/// switch's own hops are never limited.
/// </summary>
/// <param name="PerSecond">Requests a second a source may keep up.</param>
/// <param name="Burst">Requests a source may send at once after a quiet spell.</param>
/// <param name="AuthenticatedFactor">How many times more a source that authenticated within <see cref="AuthenticatedFor"/> may send.</param>
/// <param name="MaxTrackedSources">Sources remembered at once; past it the longest idle is forgotten.</param>
public sealed record SourceRateLimits(int PerSecond = 50, int Burst = 200, int AuthenticatedFactor = 10, int MaxTrackedSources = 65_536)
{
    /// <summary>How long a source counts as authenticated after its last success.</summary>
    public static readonly NodaTime.Duration AuthenticatedFor = NodaTime.Duration.FromMinutes(10);
}
