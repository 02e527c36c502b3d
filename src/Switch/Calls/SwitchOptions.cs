using NodaTime;

namespace Centrex.Switch.Calls;

/// <summary>Call-control settings.</summary>
public sealed record SwitchOptions
{
    /// <summary>Every call ends at 120 minutes regardless (seed 001: "All calls, inbound and outbound, are limited to 120 minutes").</summary>
    public Duration MaxCallDuration { get; init; } = Duration.FromMinutes(120);

    /// <summary>How long the callee may ring before the caller gets 480.</summary>
    public Duration NoAnswerTimeout { get; init; } = Duration.FromSeconds(60);

    /// <summary>
    /// Where settings changed by star code are kept (the provisioning store in <c>serve</c>); null: they last as long as
    /// the switch runs.
    /// </summary>
    public Provisioning.ILineSettingsStore? LineSettings { get; init; }

    /// <summary>
    /// Labs and tests only, where every phone is on 127.0.0.1: sip: URI forwards may reach loopback addresses (never the
    /// switch's own ports). Off in <c>serve</c>: a forward to the switch's host is refused at call time (issue 16 review, item 8).
    /// </summary>
    public bool ForwardToLoopback { get; init; }

    /// <summary>How long a parked call waits in its slot before it rings the phone that parked it (Asterisk's default parkingtime).</summary>
    public Duration ParkTimeout { get; init; } = Duration.FromSeconds(45);

    /// <summary>
    /// The random source of random hunting (seed 004 Hunt Sequence "Random") for each partition, given its number; null:
    /// an unseeded <see cref="Random"/> per partition. A partition uses its own from its own thread only, so it needs no
    /// lock; tests pass a seeded one to know the order each call rings its members in.
    /// </summary>
    public Func<int, Random>? HuntRandom { get; init; }

    /// <summary>
    /// Each line's last connected call before this start, as Unix ticks (<c>serve</c> rebuilds it from the CDR store with
    /// <see cref="Cdrs.HuntUsageHistory.Load(string, NodaTime.Instant)"/>), so least-used hunting goes on in the order it had; null: every line
    /// starts as never used. Read-only and shared by the partitions (a frozen dictionary is safe to read from several
    /// threads); what a partition sees connect after the start is its own.
    /// </summary>
    public IReadOnlyDictionary<string, long>? HuntUsage { get; init; }

    /// <summary>What call flows' network nodes use (HTTP, SMTP, the CDR store) and how much of it a partition may have in flight.</summary>
    public CallFlows.Async.FlowServices Flows { get; init; } = CallFlows.Async.FlowServices.Default;
}
