using System.Runtime.CompilerServices;
using Centrex.Rating.Charging;
using Centrex.Rating.Numbering;
using Centrex.Rating.Tariffs;

namespace Centrex.Rating;

/// <summary>
/// The rating kernel: normalize the callee, classify it, find the longest tariff prefix, bill the increments and price
/// the call, all on parsed fields, with no allocation. Thread-safe: it only reads its immutable tariff and plan.
/// </summary>
public sealed class Rater(Tariff tariff, NumberingPlan plan)
{
    /// <summary>
    /// Shortest prefix that may price a NANP-international number: the bare <c>1</c> (North America) or a 2–3 digit
    /// prefix must never price a Caribbean or US-territory call, which is billed at international rates.
    /// </summary>
    public const int MinNanpInternationalPrefix = 4;

    /// <summary>The tariff prices come from.</summary>
    public Tariff Tariff { get; } = tariff;

    /// <summary>The numbering plan that classifies callees.</summary>
    public NumberingPlan Plan { get; } = plan;

    private Charging.AccountRules? _accountRules;

    private TariffSchedule? _schedule;

    /// <summary>The rater whose account rules this one uses: set on the raters of a <see cref="TariffSchedule"/>.</summary>
    internal Rater? RulesFrom { get; init; }

    /// <summary>
    /// The operator's scheduled tariffs (the portal's Tariffs page, issue 16), or null: then this rater's tariff prices
    /// every call. <c>serve</c> replaces the schedule whole when the operator activates a tariff (a reader sees the old
    /// schedule or the new one); <see cref="At"/> picks the tariff in force at a call's start.
    /// </summary>
    public TariffSchedule? Schedule
    {
        get => Volatile.Read(ref _schedule);
        set => Volatile.Write(ref _schedule, value);
    }

    /// <summary>
    /// The rater in force for a call that starts at <paramref name="startUnixSeconds"/>: the latest scheduled tariff
    /// from on or before that instant, or this rater (the <c>--tariff</c> default) when none is. Rate with the returned
    /// rater and read its <see cref="Tariff"/> for the matched row: a row number means nothing in another tariff.
    /// </summary>
    public Rater At(long startUnixSeconds) => Schedule?.At(startUnixSeconds) ?? this;

    /// <summary>
    /// Per-account rules applied to each rated CDR record (local calling areas, toll-free inbound rates), or null: then
    /// every call is rated by the tariff alone, exactly as the rated-file contract says. This is the newest set; setting
    /// it forgets every earlier one (a rater built for one run). <c>serve</c> changes them with
    /// <see cref="ChangeAccountRules"/> when provisioning changes, and rates a call with <see cref="AccountRulesAt"/>.
    /// </summary>
    public Charging.AccountRules? AccountRules
    {
        get => RulesFrom is { } root ? root.AccountRules : Volatile.Read(ref _accountRules);
        set
        {
            Volatile.Write(ref _rulesHistory, [new RulesVersion(long.MinValue, value)]);
            Volatile.Write(ref _accountRules, value);
        }
    }

    /// <summary>
    /// Puts <paramref name="rules"/> in force for calls that start from <paramref name="fromUnixTicks"/> (100 ns since
    /// the Unix epoch: a call and a change often fall in the same second) on, keeping
    /// the sets before it for the calls still up (issue 14: "a call keeps the settings it started with": a call up
    /// while a rate centre or an inbound rate changes is charged as it was authorized). Sets older than
    /// <see cref="RulesKeptTicks"/> are dropped, but for the last one before them. Rules are immutable; a reader sees
    /// the old history or the new one.
    /// </summary>
    public void ChangeAccountRules(Charging.AccountRules? rules, long fromUnixTicks)
    {
        var history = Volatile.Read(ref _rulesHistory);
        if (history.Length > 0 && (history[^1].Rules is null ? rules is null : history[^1].Rules!.SameAs(rules)))
        {
            // Most provisioning commits (payments, forwarding, a reload every 250 ms) change no area nor inbound rate:
            // the rules in force go on, and no version is added for them.
            return;
        }

        var keep = history.Length;
        for (var i = history.Length - 1; i >= 0; i--)
        {
            keep = history.Length - i;
            if (history[i].FromUnixTicks < fromUnixTicks - RulesKeptTicks)
            {
                break; // the set in force at the cut-off: calls that started before it still need it
            }
        }

        // Past MaxRulesVersions the oldest go even within the window: the charge of a call up across more changes than
        // that falls back to the oldest set kept (a bound on memory against a scripted stream of real changes).
        keep = Math.Min(keep, MaxRulesVersions - 1);
        Volatile.Write(ref _rulesHistory, [.. history.AsSpan(history.Length - keep), new RulesVersion(fromUnixTicks, rules)]);
        Volatile.Write(ref _accountRules, rules);
    }

    /// <summary>
    /// The account rules in force when a call started at <paramref name="startUnixTicks"/> (100 ns since the Unix
    /// epoch): the newest set changed at or before that instant, or the oldest kept.
    /// </summary>
    public Charging.AccountRules? AccountRulesAt(long startUnixTicks)
    {
        if (RulesFrom is { } root)
        {
            return root.AccountRulesAt(startUnixTicks);
        }

        var history = Volatile.Read(ref _rulesHistory);
        for (var i = history.Length - 1; i > 0; i--)
        {
            if (history[i].FromUnixTicks <= startUnixTicks)
            {
                return history[i].Rules;
            }
        }

        return history.Length > 0 ? history[0].Rules : null;
    }

    /// <summary>How long account rules are kept after they were replaced: longer than any charged call lasts (the switch cuts calls at 120 minutes).</summary>
    public const long RulesKeptTicks = 3 * 3600 * TimeSpan.TicksPerSecond;

    /// <summary>
    /// Most versions of the account rules kept at once (each is a full set): rules change when an operator edits a rate
    /// centre or an inbound rate, a few times a day; 64 in three hours is more than any operator makes by hand.
    /// </summary>
    public const int MaxRulesVersions = 64;

    private RulesVersion[] _rulesHistory = [];

    /// <summary>Versions of the account rules kept now (<see cref="ChangeAccountRules"/>).</summary>
    public int RulesVersions => RulesFrom is { } root ? root.RulesVersions : Volatile.Read(ref _rulesHistory).Length;

    private readonly record struct RulesVersion(long FromUnixTicks, Charging.AccountRules? Rules);

    /// <summary>Rates one call.</summary>
    /// <param name="dialedCallee">The callee as dialed (ASCII).</param>
    /// <param name="durationSeconds">Billable seconds, 0 to 86,400.</param>
    /// <param name="call">Receives the normalized callee, class, matched row, billed seconds and charge.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public RatingOutcome Rate(ReadOnlySpan<byte> dialedCallee, int durationSeconds, out RatedCall call)
    {
        Unsafe.SkipInit(out call);
        if (!NumberingPlan.TryNormalize(dialedCallee, out call.Callee))
        {
            call.TariffRow = -1;
            return RatingOutcome.BadCallee;
        }

        if ((uint)durationSeconds > BillingIncrements.MaxDurationSeconds)
        {
            call.TariffRow = -1;
            return RatingOutcome.BadDuration;
        }

        call.Class = Plan.Classify(call.Callee);
        var minLength = call.Class == NumberClass.NanpInternational ? MinNanpInternationalPrefix : 1;
        var row = Tariff.Trie.LongestMatch(call.Callee.Digits, minLength);
        call.TariffRow = row;
        if (row < 0)
        {
            return RatingOutcome.NoRate;
        }

        ref readonly var terms = ref Tariff.Terms(row);
        var billed = BillingIncrements.BilledSeconds(durationSeconds, terms.FirstIncrement, terms.NextIncrement, terms.StepReciprocal);
        call.BilledSeconds = billed;
        call.Charge = ChargeCalculator.ChargeUnchecked(terms.RatePerMinute, terms.ConnectFee, billed);
        return RatingOutcome.Rated;
    }
}
