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
    /// every call is rated by the tariff alone, exactly as the rated-file contract says. <c>serve</c> replaces them
    /// whole when provisioning changes (the rules are immutable; a reader sees the old set or the new one).
    /// </summary>
    public Charging.AccountRules? AccountRules
    {
        get => RulesFrom is { } root ? root.AccountRules : Volatile.Read(ref _accountRules);
        set => Volatile.Write(ref _accountRules, value);
    }

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
