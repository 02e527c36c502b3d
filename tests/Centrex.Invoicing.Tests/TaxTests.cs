using System.Text;
using Centrex.Invoicing.Taxes;
using Centrex.Rating.Csv;
using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Invoicing.Tests;

public class TaxTests
{
    private static string Lines(string province, LocalDate date) =>
        string.Join(" + ", TaxTable.Default.RatesFor(province, date).Select(r => $"{r.Tax} {new TaxLine(r.Tax, r.Rate, Mills.Zero, Mills.Zero).RateText}"));

    [Theory]
    [InlineData("AB", "GST 5%")]
    [InlineData("NT", "GST 5%")]
    [InlineData("NU", "GST 5%")]
    [InlineData("YT", "GST 5%")]
    [InlineData("BC", "GST 5% + PST 7%")]
    [InlineData("MB", "GST 5% + RST 7%")]
    [InlineData("SK", "GST 5% + PST 6%")]
    [InlineData("QC", "GST 5% + QST 9.975%")]
    [InlineData("ON", "HST 13%")]
    [InlineData("NB", "HST 15%")]
    [InlineData("NL", "HST 15%")]
    [InlineData("PE", "HST 15%")]
    [InlineData("NS", "HST 14%")]
    public void ShippedTable_HasEachProvincesTaxes(string province, string expected) =>
        Assert.Equal(expected, Lines(province, new LocalDate(2026, 10, 31)));

    [Fact]
    public void NovaScotia_Is15PercentUntil2025_03_31_Then14()
    {
        Assert.Equal("HST 15%", Lines("NS", new LocalDate(2025, 3, 31)));
        Assert.Equal("HST 14%", Lines("NS", new LocalDate(2025, 4, 1)));
    }

    [Theory]
    [InlineData(10_100, 5_000, 510)] // 0.505 → 0.51: a half cent rounds up
    [InlineData(10_090, 5_000, 500)] // 0.5045 → 0.50
    [InlineData(10_000, 9_975, 1_000)] // 0.9975 → 1.00
    [InlineData(61_095, 9_975, 6_090)] // 6.0942… → 6.09
    public void Tax_IsHalfUpToTheCent(long subtotal, long rate, long expected) =>
        Assert.Equal(new Mills(expected), TaxCalculator.Amount(new Mills(subtotal), rate));

    [Fact]
    public void OperatorTable_WithOverlappingRates_IsRefusedNamingTheLine()
    {
        var csv = "province,tax,rate_percent,from,to\nNS,HST,15,2010-07-01,2025-03-31\nNS,HST,14,2025-03-01,\n";
        var e = Assert.Throws<CsvFormatException>(() => TaxTable.Parse(Encoding.UTF8.GetBytes(csv), "taxes.csv"));
        Assert.Contains("taxes.csv", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("overlaps the rate on line 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OperatorTable_ReplacesTheShippedOne()
    {
        var csv = "province,tax,rate_percent,from,to\nON,HST,12.5,2000-01-01,\n";
        var table = TaxTable.Parse(Encoding.UTF8.GetBytes(csv), "mine.csv");
        Assert.Equal(12_500, Assert.Single(table.RatesFor("ON", new LocalDate(2026, 1, 1))).Rate);
        Assert.Empty(table.RatesFor("QC", new LocalDate(2026, 1, 1)));
    }
}
