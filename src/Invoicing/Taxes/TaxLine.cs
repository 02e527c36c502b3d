using Centrex.Rating.Money;

namespace Centrex.Invoicing.Taxes;

/// <summary>One tax on an invoice: its name, rate, the subtotal it was computed on, and the amount in whole cents.</summary>
/// <param name="Tax">GST, HST, PST, QST or RST.</param>
/// <param name="Rate">Thousandths of a percent.</param>
/// <param name="Base">The taxable subtotal.</param>
/// <param name="Amount">The tax, rounded half up to the cent.</param>
public sealed record TaxLine(string Tax, long Rate, Mills Base, Mills Amount)
{
    /// <summary>The rate as printed: <c>9.975%</c>, <c>5%</c>.</summary>
    public string RateText
    {
        get
        {
            Span<char> buffer = stackalloc char[24];
            FixedPointText.TryFormat(Rate, 3, buffer, out var written);
            return buffer[..written].ToString().TrimEnd('0').TrimEnd('.') + "%";
        }
    }
}
