using Centrex.Rating.Money;

namespace Centrex.Portal.Features.Operator.Billing;

/// <summary>
/// The invoices of one currency in a billing run or a billed month, totalled: each customer is billed in its own
/// currency, and a sum of dollars and yen is no amount (<c>centrex bill</c> prints its totals so too).
/// </summary>
/// <param name="Currency">The customers' currency (ISO 4217), or null for invoices of customers no longer provisioned,
/// whose currency the billing store does not keep: counted, never added to an amount.</param>
/// <param name="Invoices">How many invoices.</param>
/// <param name="Total">Their invoiced totals, exact to the mill.</param>
/// <param name="AmountDue">Their amounts due, each rounded to the currency's minor unit as its invoice rounds it.</param>
public sealed record CurrencyTotal(string? Currency, int Invoices, Mills Total, Mills AmountDue)
{
    /// <summary>
    /// <paramref name="invoices"/> totalled per currency, by currency code (the unknown one last); <paramref name="currency"/>
    /// gives an invoice's currency, null when its customer is no longer provisioned.
    /// </summary>
    public static IReadOnlyList<CurrencyTotal> Of<T>(IEnumerable<T> invoices, Func<T, string?> currency, Func<T, Mills> total, Func<T, Mills> amountDue) =>
    [
        .. invoices.GroupBy(currency, StringComparer.Ordinal)
            .OrderBy(g => g.Key is null).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CurrencyTotal(g.Key, g.Count(), g.Aggregate(Mills.Zero, (s, i) => s + total(i)), g.Aggregate(Mills.Zero, (s, i) => s + amountDue(i)))),
    ];
}
