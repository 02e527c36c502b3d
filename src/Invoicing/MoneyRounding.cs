using Centrex.Rating.Money;

namespace Centrex.Invoicing;

/// <summary>
/// Every division of money in billing, each with its rounding rule named (issue 3): taxes and the amount due half up
/// to the cent, proration half up to the mill, shares of a call's charge down to the mill. "Half up" rounds a half away
/// from zero, so a credit rounds like the charge it mirrors. Exact integer arithmetic (Int128 where products can grow).
/// </summary>
public static class MoneyRounding
{
    /// <summary>Mills in a cent.</summary>
    public const long MillsPerCent = 10;

    /// <summary>Rounds to whole cents, a half away from zero: 5.245 → 5.25, 5.244 → 5.24, −5.245 → −5.25.</summary>
    public static Mills HalfUpToCent(Mills amount) => new(DivideHalfUp(amount.Value, MillsPerCent) * MillsPerCent);

    /// <summary>
    /// Rounds to the minor unit of <paramref name="currency"/> (<see cref="CurrencyDigits"/>), a half away from zero like
    /// <see cref="HalfUpToCent"/>: whole yen (1,234.500 JPY → 1,235), cents (5.245 USD → 5.25), and the fils as it is (the
    /// mill is the fils). Seed 001 rounds what is shown and owed, never what is kept: "while your balance would show $5.24
    /// it might actually be $5.243".
    /// </summary>
    public static Mills HalfUpToMinorUnit(Mills amount, string currency)
    {
        var step = CurrencyDigits.MillsPerMinorUnit(currency);
        return step == 1 ? amount : new(DivideHalfUp(amount.Value, step) * step);
    }

    /// <summary>
    /// <paramref name="numerator"/> / <paramref name="denominator"/> rounded to the nearest integer, a half away from zero.
    /// </summary>
    public static long DivideHalfUp(Int128 numerator, Int128 denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        var magnitude = ((Int128.Abs(numerator) * 2) + denominator) / (denominator * 2);
        return (long)(numerator < 0 ? -magnitude : magnitude);
    }

    /// <summary>
    /// A monthly fee for <paramref name="days"/> of a month of <paramref name="daysInMonth"/> days, half up to the mill
    /// (issue 3: "Proration is by days (the activation day counts), rounded half up to the mill").
    /// </summary>
    public static Mills Prorate(Mills monthlyFee, int days, int daysInMonth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, daysInMonth);
        return days == daysInMonth ? monthlyFee : new Mills(DivideHalfUp((Int128)monthlyFee.Value * days, daysInMonth));
    }

    /// <summary>
    /// The share <paramref name="part"/>/<paramref name="whole"/> of <paramref name="amount"/>, rounded down to the mill
    /// (issue 3: the call that crosses the free-minute limit "is credited for the covered seconds in proportion to its
    /// billed seconds, rounded down to the mill").
    /// </summary>
    public static Mills ShareRoundedDown(Mills amount, long part, long whole)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(whole);
        ArgumentOutOfRangeException.ThrowIfNegative(part);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(part, whole);
        return new Mills((long)Int128.DivRem((Int128)amount.Value * part, whole).Quotient);
    }
}
