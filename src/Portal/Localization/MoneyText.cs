using Centrex.Invoicing.Rendering;
using Centrex.Rating.Money;

namespace Centrex.Portal.Localization;

/// <summary>
/// An amount given as a value of a coded refusal, written as <paramref name="Currency"/> writes it (its decimals:
/// <c>10,000.00</c> dollars, <c>10,000</c> yen) in the language of the culture it is formatted with (<c>10 000,00</c> in
/// French), so a refusal shown in French has no English number in it; in the invariant culture, which
/// <see cref="Refusals"/> formats with to check the English message, it is the English one.
/// </summary>
public sealed record MoneyText(Mills Value, string Currency) : IFormattable
{
    public string ToString(string? format, IFormatProvider? formatProvider) => Amounts.Money(Value, Currency, formatProvider);

    public override string ToString() => Amounts.Money(Value, Currency);
}
