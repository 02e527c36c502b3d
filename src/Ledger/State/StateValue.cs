using System.Runtime.InteropServices;

namespace Centrex.Ledger.State;

/// <summary>
/// The value of one account-state record (state format 2): a balance record uses <see cref="Amount"/> only; a month
/// record (<see cref="StateKind.Month"/>) holds all five counters of the account's month, so a commit updates one
/// record per account and month instead of one per counter (issue 16: at 100,000 accounts a commit touched up to six
/// records of nearly every account). Values merge by adding field by field. Blittable: FASTER stores it inline.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct StateValue
{
    /// <summary>A balance in mills (charges lower it, payments raise it), or the journal address of <see cref="StateKey.AppliedUntil"/>.</summary>
    public long Amount;

    /// <summary>Rated calls of the month.</summary>
    public long Calls;

    /// <summary>Billed seconds of all calls.</summary>
    public long BilledSeconds;

    /// <summary>Billed seconds of domestic-class calls.</summary>
    public long DomesticBilledSeconds;

    /// <summary>Net charge of all calls, in mills.</summary>
    public long NetChargeMills;

    /// <summary>Discounts given, in mills.</summary>
    public long DiscountMills;

    /// <summary>A value holding only an amount.</summary>
    public static StateValue OfAmount(long amount) => new() { Amount = amount };

    /// <summary>Whether every field is zero (nothing to apply).</summary>
    public readonly bool IsZero => (Amount | Calls | BilledSeconds | DomesticBilledSeconds | NetChargeMills | DiscountMills) == 0;

    /// <summary>One of the month's counters.</summary>
    public readonly long Counter(CounterKind counter) => counter switch
    {
        CounterKind.Calls => Calls,
        CounterKind.BilledSeconds => BilledSeconds,
        CounterKind.DomesticBilledSeconds => DomesticBilledSeconds,
        CounterKind.NetChargeMills => NetChargeMills,
        CounterKind.DiscountMills => DiscountMills,
        _ => throw new ArgumentOutOfRangeException(nameof(counter), counter, "not a counter"),
    };

    /// <summary>Field-by-field sum (how FASTER merges an update into a record).</summary>
    public static StateValue Add(StateValue a, StateValue b) => new()
    {
        Amount = a.Amount + b.Amount,
        Calls = a.Calls + b.Calls,
        BilledSeconds = a.BilledSeconds + b.BilledSeconds,
        DomesticBilledSeconds = a.DomesticBilledSeconds + b.DomesticBilledSeconds,
        NetChargeMills = a.NetChargeMills + b.NetChargeMills,
        DiscountMills = a.DiscountMills + b.DiscountMills,
    };
}
