namespace Centrex.Switch.Partitions;

/// <summary>
/// The separate, per-source budget of emergency requests (issue 14: 911 and 933 always go out). An INVITE to an
/// emergency number passes the drops that protect the switch from one address (its block after failed passwords, its
/// rate limit, its slowing), because an office's phones share one address behind its NAT: one phone with a wrong
/// password must not stop 911 for the whole office. So that a flood of fake emergency INVITEs still cannot take the
/// switch, they take from this budget instead, and so do the in-dialog requests (ACK, BYE) of a blocked source, which
/// its emergency call needs. A call takes about five requests (INVITE, the INVITE with credentials after the 407, ACK,
/// BYE, a retransmission): the burst lets an office place several at once; the rate bounds a flood, and the password
/// guesses it could carry, to a few a minute per address. Every such INVITE is still authenticated by its partition,
/// and a wrong password there is still a strike.
/// </summary>
/// <param name="PerMinute">Emergency requests a minute a source may keep up.</param>
/// <param name="Burst">Emergency requests a source may send at once.</param>
/// <param name="MaxTrackedSources">Sources remembered at once; past it the longest idle is forgotten.</param>
public sealed record EmergencyRateLimits(int PerMinute = 12, int Burst = 30, int MaxTrackedSources = 65_536);
