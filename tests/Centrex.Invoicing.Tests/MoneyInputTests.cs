using Centrex.Invoicing.Rendering;
using Centrex.Rating.Money;
using static Centrex.Invoicing.MoneyInput;

namespace Centrex.Invoicing.Tests;

/// <summary>
/// Amounts typed in a currency are read with at most its ISO 4217 decimals, to an integer of mills (no floating point:
/// 0.1 + 0.2 is 0.3 here), and what the forms show (<see cref="Amounts.Input"/>) reads back unchanged.
/// </summary>
public sealed class MoneyInputTests
{
    [Theory]
    [InlineData("1980", "JPY", 1_980_000)]
    [InlineData(" 25 ", "JPY", 25_000)]
    [InlineData("10.01", "USD", 10_010)]
    [InlineData("10.1", "USD", 10_100)]
    [InlineData(".5", "EUR", 500)]
    [InlineData("1.234", "KWD", 1_234)]
    [InlineData("0.3", "KWD", 300)]
    [InlineData("9223372036854775.80", "USD", long.MaxValue - 7)] // the largest cents that fit in mills, exact (a double would lose them)
    public void AnAmountWithTheCurrencysDecimals_IsReadToTheMill(string text, string currency, long mills)
    {
        Assert.Equal(Problem.None, TryParse(text, currency, out var value));
        Assert.Equal(mills, value.Value);
    }

    [Theory]
    [InlineData("100.5", "JPY")]
    [InlineData("100.0", "JPY")] // a decimal point the yen does not have, even with a zero after it
    [InlineData("10.001", "USD")]
    [InlineData("10.010", "CAD")]
    public void MoreDecimalsThanTheCurrencyHas_AreRefused_NotRounded(string text, string currency) =>
        Assert.Equal(Problem.TooManyDecimals, TryParse(text, currency, out _));

    [Theory]
    [InlineData("", "USD")]
    [InlineData("abc", "USD")]
    [InlineData("1,000", "USD")]
    [InlineData("1e3", "USD")]
    [InlineData("-5", "USD")]
    [InlineData("+5", "USD")]
    [InlineData("5.", "USD")]
    [InlineData("1.2345", "KWD")]
    [InlineData("NaN", "JPY")]
    [InlineData("9223372036854776", "JPY")] // whole yen whose mills do not fit in a long
    public void WhatIsNotAnAmount_IsRefusedAsSuch(string text, string currency) =>
        Assert.Equal(Problem.NotAnAmount, TryParse(text, currency, out _));

    [Fact]
    public void ASign_IsTakenOnlyWhenAsked()
    {
        Assert.Equal(Problem.None, TryParse("-5.25", "USD", out var value, allowSign: true));
        Assert.Equal(-5_250, value.Value);
        Assert.Equal(Problem.TooManyDecimals, TryParse("-5.5", "JPY", out _, allowSign: true));
    }

    [Fact]
    public void TheMessages_NameTheTextTheCurrencyAndItsDecimals()
    {
        Assert.Equal("'100.5': JPY amounts have 0 decimals", Message(Problem.TooManyDecimals, " 100.5 ", "JPY", new Mills(2_500_000)));
        Assert.Equal("'10.001': USD amounts have 2 decimals", Message(Problem.TooManyDecimals, "10.001", "USD", new Mills(25_000)));
        Assert.Equal("'abc' is not an amount in KWD, such as 25.000", Message(Problem.NotAnAmount, "abc", "KWD", new Mills(25_000)));
        Assert.Equal("'x' is not an amount in JPY, such as 2500", Message(Problem.NotAnAmount, "x", "JPY", new Mills(2_500_000)));
    }

    [Theory]
    [InlineData("JPY", 1_234_000, "1234")]
    [InlineData("JPY", 1_234_500, "1234.500")] // imported to the mill: shown so, never rounded by a save
    [InlineData("USD", 1_234_560, "1234.56")]
    [InlineData("USD", 1_234_567, "1234.567")]
    [InlineData("KWD", 1_234_567, "1234.567")]
    [InlineData("EUR", 0, "0.00")]
    public void WhatAFormShows_IsPlainAndInTheCurrencysDecimals(string currency, long mills, string shown) =>
        Assert.Equal(shown, Amounts.Input(new Mills(mills), currency));

    [Fact]
    public void WhatAFormShows_ReadsBackUnchanged_ForEveryAmountTheCurrencyWrites()
    {
        var random = new Random(16);
        foreach (var currency in new[] { "JPY", "USD", "KWD" })
        {
            var step = CurrencyDigits.MillsPerMinorUnit(currency);
            for (var i = 0; i < 10_000; i++)
            {
                var amount = new Mills(random.NextInt64(0, long.MaxValue / step) * step);
                Assert.Equal(Problem.None, TryParse(Amounts.Input(amount, currency), currency, out var back));
                Assert.Equal(amount, back);
            }
        }
    }
}
