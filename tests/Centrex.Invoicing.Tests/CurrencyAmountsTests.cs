using System.Globalization;
using Centrex.Invoicing.Rendering;
using Centrex.Rating.Money;

namespace Centrex.Invoicing.Tests;

/// <summary>
/// Amounts in the decimals of their currency (ISO 4217 minor units, <see cref="CurrencyDigits"/>): what is owed or shown
/// as a balance is rounded half away from zero to the yen, the cent or the fils (the mill); exact amounts keep the mill.
/// </summary>
public sealed class CurrencyAmountsTests
{
    [Theory]
    [InlineData("JPY", 0)]
    [InlineData("KRW", 0)]
    [InlineData("ISK", 0)]
    [InlineData("CLP", 0)]
    [InlineData("USD", 2)]
    [InlineData("EUR", 2)]
    [InlineData("CAD", 2)]
    [InlineData("KWD", 3)]
    [InlineData("BHD", 3)]
    [InlineData("JOD", 3)]
    [InlineData("OMR", 3)]
    [InlineData("TND", 3)]
    [InlineData("CLF", 3)] // four decimals in ISO 4217: the ledger's mill is as far as it goes
    [InlineData("XYZ", 2)]
    public void MinorUnits_AreIso4217s(string currency, int digits) => Assert.Equal(digits, CurrencyDigits.Of(currency));

    [Theory]
    [InlineData(1_234_500, "JPY", "1,235")]
    [InlineData(1_234_499, "JPY", "1,234")]
    [InlineData(-1_234_500, "JPY", "-1,235")] // a half away from zero, a credit like the charge it mirrors
    [InlineData(5_245, "USD", "5.25")]
    [InlineData(5_244, "USD", "5.24")]
    [InlineData(-5_245, "EUR", "-5.25")]
    [InlineData(1_234_567, "KWD", "1,234.567")]
    [InlineData(100_000, "KWD", "100.000")]
    public void Money_RoundsHalfAwayFromZero_ToTheMinorUnit(long mills, string currency, string shown)
    {
        Assert.Equal(shown, Amounts.Money(new Mills(mills), currency));
        Assert.Equal(shown, Amounts.Money(MoneyRounding.HalfUpToMinorUnit(new Mills(mills), currency), currency)); // rounding again changes nothing
    }

    [Theory]
    [InlineData(60_000, "JPY", "60")]
    [InlineData(10_167, "JPY", "10.167")] // the mills of a yen are shown, never hidden
    [InlineData(57, "USD", "0.057")]
    [InlineData(5_240, "USD", "5.240")]
    [InlineData(1_234, "KWD", "1.234")]
    public void Exact_KeepsTheMill(long mills, string currency, string shown) => Assert.Equal(shown, Amounts.Exact(new Mills(mills), currency));

    [Fact]
    public void BalanceWithExact_ShowsTheExactBalance_OnlyWhenRoundingChangedIt()
    {
        Assert.Equal("187 (exact 186.600)", Amounts.BalanceWithExact(new Mills(186_600), "JPY"));
        Assert.Equal("187", Amounts.BalanceWithExact(new Mills(187_000), "JPY"));
        Assert.Equal("5.24 (exact 5.243)", Amounts.BalanceWithExact(new Mills(5_243), "CAD"));
        Assert.Equal("1.234", Amounts.BalanceWithExact(new Mills(1_234), "KWD"));
    }

    [Fact]
    public void ThePagesFormat_WritesTheSeparators_TheCurrencyTheDecimals()
    {
        var french = new NumberFormatInfo { NumberGroupSeparator = " ", NumberDecimalSeparator = "," };
        Assert.Equal("1 235", Amounts.Money(new Mills(1_234_500), "JPY", french));
        Assert.Equal("1 234,57", Amounts.Money(new Mills(1_234_567), "EUR", french));
        Assert.Equal("1 234,567", Amounts.Money(new Mills(1_234_567), "KWD", french));
    }
}
