using Centrex.Rating.Money;

namespace Centrex.Invoicing.Taxes;

/// <summary>
/// Sales taxes of an invoice (issue 3): one line per tax type, each computed on the whole taxable subtotal after
/// discounts and credits and rounded half up to the cent. Outside Canada there is no Canadian tax.
/// </summary>
public static class TaxCalculator
{
    /// <summary>The tax lines for <paramref name="taxableSubtotal"/> under <paramref name="rates"/>.</summary>
    public static IReadOnlyList<TaxLine> Compute(Mills taxableSubtotal, IReadOnlyList<TaxRate> rates) =>
        [.. rates.Select(r => new TaxLine(r.Tax, r.Rate, taxableSubtotal, Amount(taxableSubtotal, r.Rate)))];

    /// <summary><paramref name="subtotal"/> × <paramref name="rate"/> / 100,000, half up to the cent.</summary>
    public static Mills Amount(Mills subtotal, long rate) =>
        new(MoneyRounding.DivideHalfUp((Int128)subtotal.Value * rate, TaxRate.Whole * MoneyRounding.MillsPerCent) * MoneyRounding.MillsPerCent);
}
