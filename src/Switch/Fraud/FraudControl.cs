using System.Collections.Concurrent;
using Centrex.Rating;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;
using Centrex.Switch.Authorization;
using Centrex.Switch.Calls;
using Centrex.Switch.Provisioning;
using NodaTime;

namespace Centrex.Switch.Fraud;

/// <summary>
/// Per-account fraud controls on outgoing calls (issue 14): destination classes barred, international calls up at once,
/// and spend per hour and per day. Called by balance authorization on every priced call before the balance is asked,
/// from any partition's thread: each account's state has its own lock, so accounts never contend.
/// </summary>
/// <remarks>
/// <para>Spend is the tariff price (before volume discounts, the same price authorization holds) of the account's
/// outgoing calls through this switch: those that ended in the window, counted at their end, plus what the calls up
/// may still cost (each its whole allowed duration). A new call is refused 403 when that leaves less than its first
/// increment, and otherwise allowed only as long as the rest pays for, as a balance limits a prepaid call, so one long
/// call cannot run far past the cap. Windows are rolling: the last 60 minutes and the last 24 hours, to the minute.
/// The state lives in memory: a restart of the switch starts the windows afresh.</para>
/// <para>Every refusal is counted by rule (the properties below, for metrics); the log gets one line per account and
/// hour: the first refusal, then nothing for that account until an hour has passed, when the next line says how many
/// refusals went unlogged in between.</para>
/// </remarks>
public sealed partial class FraudControl
{
    private readonly Rater _rater;
    private readonly TextWriter _log;
    private readonly ConcurrentDictionary<string, AccountFraudState> _accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FraudCall> _calls = new(StringComparer.Ordinal);
    private readonly long[] _refused = new long[Enum.GetValues<FraudRule>().Length];

    /// <summary>Creates the controls.</summary>
    /// <param name="rater">Classifies and prices destinations (the switch's tariff and numbering plan).</param>
    /// <param name="log">Where refusals are logged (one line per account and hour); safe to write from several threads.</param>
    public FraudControl(Rater rater, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(rater);
        ArgumentNullException.ThrowIfNull(log);
        _rater = rater;
        _log = log;
    }

    /// <summary>Calls refused because the account's international calls up reached its maximum.</summary>
    public long RefusedMaxInternationalCalls => Refused(FraudRule.MaxInternationalCalls);

    /// <summary>Calls refused by the hourly spend cap.</summary>
    public long RefusedMaxSpendPerHour => Refused(FraudRule.MaxSpendPerHour);

    /// <summary>Calls refused by the daily spend cap.</summary>
    public long RefusedMaxSpendPerDay => Refused(FraudRule.MaxSpendPerDay);

    /// <summary>Calls to international destinations refused because the account may not call them.</summary>
    public long RefusedBlockedInternational => Refused(FraudRule.BlockedInternational);

    /// <summary>Calls to premium-rate numbers refused because the account may not call them.</summary>
    public long RefusedBlockedPremium => Refused(FraudRule.BlockedPremium);

    /// <summary>Calls checked and not yet ended (each holds its international slot and spend until <see cref="Ended"/>).</summary>
    public int CallsUp => _calls.Count;

    /// <summary>Calls refused by <paramref name="rule"/> since the start.</summary>
    public long Refused(FraudRule rule) => Interlocked.Read(ref _refused[(int)rule]);

    /// <summary>
    /// Checks a new outgoing call of <paramref name="accountId"/> to <paramref name="callee"/> (as rating reads it)
    /// against <paramref name="limits"/>. An allowed call holds its international slot and its spend until
    /// <see cref="Ended"/>, which must follow exactly once for it, however it ends.
    /// </summary>
    public FraudDecision Check(CallInfo call, string accountId, SwitchFraudLimits limits, ReadOnlySpan<byte> callee)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(limits);

        // A number that does not normalize cannot be classed or priced: balance authorization refuses it (484).
        var inForce = _rater.At(call.Start.ToUnixTimeSeconds()); // the tariff in force as the call is set up (issue 16)
        var outcome = inForce.Rate(callee, 0, out var rated);
        if (outcome == RatingOutcome.BadCallee)
        {
            return FraudDecision.Unlimited;
        }

        var number = rated.Callee.ToString();
        var international = rated.Class is NumberClass.International or NumberClass.NanpInternational;
        if (international && limits.BlockInternational)
        {
            return Refuse(call, accountId, number, FraudRule.BlockedInternational, "fraud control: international calls barred (blocked_classes)");
        }

        if (limits.BlockPremium && PremiumNumbers.IsPremium(rated.Callee.Digits))
        {
            return Refuse(call, accountId, number, FraudRule.BlockedPremium, "fraud control: premium-rate numbers barred (blocked_classes)");
        }

        var spendCapped = limits.MaxSpendPerHour is not null || limits.MaxSpendPerDay is not null;
        if (!(international && limits.MaxInternationalCalls is not null) && !spendCapped)
        {
            return FraudDecision.Unlimited; // nothing to count for this call
        }

        var state = _accounts.GetOrAdd(accountId, static _ => new AccountFraudState());
        var terms = outcome == RatingOutcome.Rated ? inForce.Tariff.Rows[rated.TariffRow] : null;
        var decision = Reserve(state, call, limits, international, terms);
        return decision.Allowed ? decision : Refuse(call, accountId, number, decision.Rule, decision.Reason!); // logged outside the account's lock
    }

    /// <summary>
    /// A checked call ended after <paramref name="billableSeconds"/> (0 when unanswered) at <paramref name="end"/>: its
    /// slot and hold are given back and its price is added to the account's spend. Idempotent; nothing for other calls.
    /// </summary>
    public void Ended(string callId, int billableSeconds, Instant end)
    {
        if (!_calls.TryRemove(callId, out var call))
        {
            return;
        }

        var charge = 0L;
        if (call.Terms is { } terms && billableSeconds > 0)
        {
            charge = AffordableDuration.Charge(terms.RatePerMinute, terms.ConnectFee, terms.FirstIncrement, terms.NextIncrement,
                Math.Min(billableSeconds, AffordableDuration.MaxCallSeconds)).Value;
        }

        var state = call.State;
        lock (state.Gate)
        {
            state.Held -= call.Held;
            if (call.International)
            {
                state.InternationalCalls--;
            }

            state.Spent.Add(end, charge);
        }
    }

    /// <summary>Under the account's lock: takes an international slot and the spend hold for the call, or names the rule that refuses it (not yet counted or logged).</summary>
    private FraudDecision Reserve(AccountFraudState state, CallInfo call, SwitchFraudLimits limits, bool international, Rating.Tariffs.TariffRow? terms)
    {
        lock (state.Gate)
        {
            if (international && limits.MaxInternationalCalls is { } most && state.InternationalCalls >= most)
            {
                return new FraudDecision(false, null, FraudRule.MaxInternationalCalls, $"fraud control: max_international_calls {most} reached");
            }

            int? seconds = null;
            var held = 0L;
            if ((limits.MaxSpendPerHour is not null || limits.MaxSpendPerDay is not null) && terms is not null)
            {
                var (left, rule, cap) = Left(state, limits, call.Start);
                var affordable = AffordableDuration.MaxSeconds(terms.RatePerMinute, terms.ConnectFee, terms.FirstIncrement, terms.NextIncrement, new Mills(left));
                if (affordable < 0)
                {
                    var name = rule == FraudRule.MaxSpendPerHour ? "max_spend_per_hour" : "max_spend_per_day";
                    return new FraudDecision(false, null, rule, $"fraud control: {name} {cap} reached");
                }

                seconds = affordable;
                held = AffordableDuration.Charge(terms.RatePerMinute, terms.ConnectFee, terms.FirstIncrement, terms.NextIncrement, affordable).Value;
            }

            // Asked twice for one call (it cannot be, but a leaked slot would refuse the account for ever): counted once.
            if (_calls.TryAdd(call.Id, new FraudCall(state, international, held, terms)))
            {
                state.Held += held;
                if (international)
                {
                    state.InternationalCalls++;
                }
            }

            return new FraudDecision(true, seconds, default, null);
        }
    }

    /// <summary>
    /// What the tightest spend cap leaves for a new call: the cap less what ended calls cost in its window and what
    /// calls up may still cost; with the rule and the cap it comes from. The caller holds the state's lock.
    /// </summary>
    private static (long Left, FraudRule Rule, Mills Cap) Left(AccountFraudState state, SwitchFraudLimits limits, Instant now)
    {
        (long Left, FraudRule Rule, Mills Cap) tightest = (long.MaxValue, FraudRule.MaxSpendPerDay, default);
        if (limits.MaxSpendPerDay is { } day)
        {
            tightest = (day.Value - state.Spent.Spent(now, SpendWindow.DayMinutes) - state.Held, FraudRule.MaxSpendPerDay, day);
        }

        if (limits.MaxSpendPerHour is { } hour)
        {
            var left = hour.Value - state.Spent.Spent(now, 60) - state.Held;
            if (left <= tightest.Left)
            {
                tightest = (left, FraudRule.MaxSpendPerHour, hour);
            }
        }

        return tightest;
    }

    private FraudDecision Refuse(CallInfo call, string accountId, string number, FraudRule rule, string reason)
    {
        Interlocked.Increment(ref _refused[(int)rule]);
        Log(call.Start, accountId, number, reason);
        return new FraudDecision(false, null, rule, reason);
    }
}
