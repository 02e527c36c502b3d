using NodaTime;

namespace Centrex.Switch;

/// <summary>
/// Limits on digest authentication (issue 13 item 6): how much replay-tracking state the switch keeps, and when a
/// source address that keeps failing is slowed, then blocked. Failures are wrong passwords, unknown users, replays
/// and credentials that cannot be checked; a stale nonce is not one. They are counted per source address (IPv6: per
/// /64), never per port, in a sliding <see cref="Window"/>, together with the requests dropped while slowed.
/// </summary>
public sealed record SipAuthLimits
{
    /// <summary>
    /// Most nonces whose accepted nonce counts are kept (entries live as long as the nonce is fresh). At the cap the
    /// oldest-issued is forgotten and every nonce issued up to it is answered stale (the client retries with a fresh
    /// one), never accepted again.
    /// </summary>
    public int MaxTrackedNonces { get; init; } = 100_000;

    /// <summary>
    /// Strikes within <see cref="Window"/> after which a source is slowed: of its requests that need authentication
    /// (REGISTER, a phone's INVITE) only one per back-off delay is looked at, the others are dropped unanswered and
    /// counted as strikes. The delay is <see cref="SlowDelay"/>, doubled for each strike past this, at most the window.
    /// </summary>
    public int SlowAfter { get; init; } = 10;

    /// <summary>Strikes within <see cref="Window"/> after which every request from the source is dropped for <see cref="BlockFor"/>.</summary>
    public int BlockAfter { get; init; } = 20;

    /// <summary>The sliding window strikes are counted in.</summary>
    public Duration Window { get; init; } = Duration.FromSeconds(60);

    /// <summary>The first back-off delay of a slowed source.</summary>
    public Duration SlowDelay { get; init; } = Duration.FromSeconds(1);

    /// <summary>How long a block lasts. A successful authentication from the source does not end it.</summary>
    public Duration BlockFor { get; init; } = Duration.FromMinutes(15);

    /// <summary>
    /// Most source addresses tracked. At the cap the one whose last strike is oldest is forgotten (even a blocked one:
    /// its block ends early), so the table cannot grow without bound under attack from many addresses.
    /// </summary>
    public int MaxTrackedSources { get; init; } = 16_384;

    /// <summary>
    /// Checks of one source's credentials in flight at once (sent to a partition, its result not yet back at the router):
    /// past it the source's requests that carry credentials are dropped unanswered (UDP phones retransmit). Failures
    /// reach the router after the check, so without this a burst of guesses would all be checked before the first
    /// failure was counted; with it at most this many more than <see cref="SlowAfter"/> are.
    /// </summary>
    public int MaxChecksInFlight { get; init; } = 16;

    /// <summary>
    /// Checks in flight at once for credentials whose user name authenticated from the same address within
    /// <see cref="ProvenFor"/> (<see cref="Registration.ProvenCredentials"/>): a PBX or SBC that knows its password,
    /// whose calls must not be dropped because the host stalled while a thousand a second were arriving.
    /// </summary>
    public int MaxProvenChecksInFlight { get; init; } = 4096;

    /// <summary>How long a user name stays proven at an address after it last authenticated there.</summary>
    public Duration ProvenFor { get; init; } = Duration.FromMinutes(30);

    /// <summary>How long a check counts as in flight when its result never comes back (a report lost to a full ring).</summary>
    public Duration CheckTimeout { get; init; } = Duration.FromSeconds(2);

    /// <summary>Throws when a limit is out of range: counts at least 1, blocking not before slowing, proven credentials no fewer checks than others, durations positive.</summary>
    public void Validate()
    {
        if (MaxTrackedNonces < 1 || MaxTrackedSources < 1 || SlowAfter < 1 || BlockAfter < SlowAfter || MaxChecksInFlight < 1 || MaxProvenChecksInFlight < MaxChecksInFlight || ProvenFor <= Duration.Zero || CheckTimeout <= Duration.Zero
            || Window <= Duration.Zero || SlowDelay <= Duration.Zero || BlockFor <= Duration.Zero)
        {
            throw new ArgumentException($"SIP authentication limits out of range: {this}");
        }
    }
}
