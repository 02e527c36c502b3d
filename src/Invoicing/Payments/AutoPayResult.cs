using System.Collections.Immutable;
using Centrex.Rating.Money;

namespace Centrex.Invoicing.Payments;

/// <summary>What an auto-pay or auto-recharge run did.</summary>
/// <param name="Approved">Card payments taken.</param>
/// <param name="Declined">Card payments declined (recorded, and the customer emailed the reason).</param>
/// <param name="Charged">
/// Money taken, per currency (ISO 4217 code, in code order), as charged: each customer pays in its own currency, and a
/// sum of dollars and yen is no amount (it was one figure; <c>centrex autopay</c> prints these per currency, as
/// <c>centrex bill</c> prints its totals).
/// </param>
public sealed record AutoPayResult(int Approved, int Declined, ImmutableSortedDictionary<string, Mills> Charged)
{
    private static readonly ImmutableSortedDictionary<string, Mills> NoMoney = ImmutableSortedDictionary.Create<string, Mills>(StringComparer.Ordinal);

    /// <summary>Nothing done.</summary>
    public static AutoPayResult None { get; } = new(0, 0, NoMoney);

    /// <summary>One card payment declined.</summary>
    public static AutoPayResult OneDeclined { get; } = new(0, 1, NoMoney);

    /// <summary>One card payment of <paramref name="amount"/> in <paramref name="currency"/> taken.</summary>
    public static AutoPayResult OneApproved(string currency, Mills amount) => new(1, 0, NoMoney.Add(currency, amount));

    /// <summary>Both results together, amounts added within each currency only.</summary>
    public AutoPayResult Plus(AutoPayResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var charged = Charged;
        foreach (var (currency, amount) in other.Charged)
        {
            charged = charged.SetItem(currency, charged.GetValueOrDefault(currency, Mills.Zero) + amount);
        }

        return new(Approved + other.Approved, Declined + other.Declined, charged);
    }

    /// <summary>Equal counts and equal amounts in the same currencies (the dictionary compared by content, not by reference).</summary>
    public bool Equals(AutoPayResult? other) => other is not null && Approved == other.Approved && Declined == other.Declined
        && Charged.Count == other.Charged.Count && Charged.All(c => other.Charged.TryGetValue(c.Key, out var amount) && amount == c.Value);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Approved, Declined, Charged.Count);
}
