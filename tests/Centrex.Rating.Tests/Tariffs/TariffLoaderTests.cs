using System.Text;
using Centrex.Rating.Csv;
using Centrex.Rating.Money;
using Centrex.Rating.Tariffs;

namespace Centrex.Rating.Tests.Tariffs;

public class TariffLoaderTests
{
    private const string Header = "prefix,destination,rate,connect_fee,first_increment,next_increment\n";

    private static Tariff Parse(string body) => TariffLoader.Parse(Encoding.UTF8.GetBytes(Header + body), "t.csv");

    [Fact]
    public void Parse_ValidRows_KeepsEveryValueExactly()
    {
        var tariff = Parse("1876,\"Jamaica, \"\"Mobile\"\"\",0.123456,0.05,30,6\n44,United Kingdom,.5,0,1,1\n");
        var jamaica = tariff.Rows[0];
        Assert.Equal("1876", jamaica.Prefix);
        Assert.Equal("Jamaica, \"Mobile\"", jamaica.Destination);
        Assert.Equal(123_456L, jamaica.RatePerMinute.Value);
        Assert.Equal(new MicroDollars(50_000), jamaica.ConnectFee);
        Assert.Equal((30, 6), (jamaica.FirstIncrement, jamaica.NextIncrement));
        Assert.Equal(2L, jamaica.Line);
        Assert.Equal(500_000L, tariff.Rows[1].RatePerMinute.Value);
        Assert.Equal("1876,\"Jamaica, \"\"Mobile\"\"\"", Encoding.UTF8.GetString(tariff.CsvPrefixAndDestination(0)));
    }

    [Fact]
    public void Parse_BomAndCrlf_AreAccepted()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Header.Replace("\n", "\r\n") + "1,North America,0.01,0,60,60\r\n")).ToArray();
        var tariff = TariffLoader.Parse(bytes, "bom.csv");
        Assert.Equal("North America", Assert.Single(tariff.Rows).Destination);
    }

    [Fact]
    public void Parse_QuotedDestinationSpanningLines_CountsPhysicalLines()
    {
        var tariff = Parse("1,\"North\nAmerica\",0.01,0,60,60\n44,UK,0.02,0,60,60\n");
        Assert.Equal("North\nAmerica", tariff.Rows[0].Destination);
        Assert.Equal(4L, tariff.Rows[1].Line);
    }

    [Theory]
    [InlineData("1,A,0.01,0,60,60\n1,B,0.02,0,60,60\n", 3L, "prefix")] // duplicate prefix
    [InlineData("1x,A,0.01,0,60,60\n", 2L, "prefix")]
    [InlineData(",A,0.01,0,60,60\n", 2L, "prefix")]
    [InlineData("1234567890123456,A,0.01,0,60,60\n", 2L, "prefix")]
    [InlineData("1,A,0.0100001,0,60,60\n", 2L, "rate")] // seven decimals
    [InlineData("1,A,-0.01,0,60,60\n", 2L, "rate")]
    [InlineData("1,A,abc,0,60,60\n", 2L, "rate")]
    [InlineData("1,A,,0,60,60\n", 2L, "rate")]
    [InlineData("1,A,0.01,x,60,60\n", 2L, "connect_fee")]
    [InlineData("1,A,0.01,0,0,60\n", 2L, "first_increment")]
    [InlineData("1,A,0.01,0,60,0\n", 2L, "next_increment")]
    [InlineData("1,A,0.01,0,6.5,60\n", 2L, "first_increment")]
    [InlineData("1,A,0.01,0,60,-1\n", 2L, "next_increment")]
    [InlineData("1,A,0.01,0,60\n", 2L, "next_increment")] // missing column
    [InlineData("1,A,0.01\n", 2L, "connect_fee")]
    [InlineData("1,A,0.01,0,60,60,extra\n", 2L, "(extra column)")]
    [InlineData("1,\"A,0.01,0,60,60\n", 2L, "row")] // quote never closed
    [InlineData("1,A,9999999999999,0,60,60\n", 2L, "rate")] // cannot price a day without overflow
    [InlineData("44,UK,0.01,0,60,60\n\n", 3L, "destination")] // a blank line is a row with one column
    public void Parse_InvalidRow_NamesLineAndField(string body, long line, string field)
    {
        var error = Assert.Throws<CsvFormatException>(() => Parse(body));
        Assert.Equal((line, field), (error.Line, error.Field));
        Assert.Contains($"t.csv: line {line}, field '{field}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("prefix,destination,rate,connect_fee,first_increment\n")]
    [InlineData("prefix,destination,rate,connect_fee,next_increment,first_increment\n")]
    [InlineData("Prefix,destination,rate,connect_fee,first_increment,next_increment\n")]
    public void Parse_WrongHeader_IsRefusedOnLineOne(string header)
    {
        var error = Assert.Throws<CsvFormatException>(() => TariffLoader.Parse(Encoding.UTF8.GetBytes(header + "1,A,0.01,0,60,60\n"), "t.csv"));
        Assert.Equal(1L, error.Line);
    }

    [Fact]
    public void Parse_HeaderOnly_GivesAnEmptyTariff() => Assert.Empty(Parse(string.Empty).Rows);

    [Fact]
    public void Parse_RateAboveTheDefaultCap_IsRefusedWithLineAndField()
    {
        // Issue 13: $100 per minute unless the operator says otherwise.
        var error = Assert.Throws<CsvFormatException>(() => Parse("1,A,0.01,0,60,60\n44,UK,100.000001,0,60,60\n"));
        Assert.Equal((3L, "rate"), (error.Line, error.Field));
        Assert.Contains("100.000001 per minute is above the sanity cap of 100.000000", error.Message, StringComparison.Ordinal);
        Assert.Contains("--allow-high-rates", error.Message, StringComparison.Ordinal);
        Assert.Equal(100_000_000L, Parse("44,UK,100,0,60,60\n").Rows[0].RatePerMinute.Value);
    }

    [Fact]
    public void Parse_OtherCapOrNone_IsTheOperatorsChoice()
    {
        var content = Encoding.UTF8.GetBytes(Header + "44,UK,250,0,60,60\n");
        Assert.Equal("rate", Assert.Throws<CsvFormatException>(() => TariffLoader.Parse(content, "t.csv", new MicroDollars(249_999_999))).Field);
        Assert.Equal(250_000_000L, TariffLoader.Parse(content, "t.csv", new MicroDollars(250_000_000)).Rows[0].RatePerMinute.Value);
        Assert.Equal(250_000_000L, TariffLoader.Parse(content, "t.csv", null).Rows[0].RatePerMinute.Value);
    }

    [Fact]
    public void Parse_NoCap_StillRefusesARateThatCannotPriceADay()
    {
        var error = Assert.Throws<CsvFormatException>(() => TariffLoader.Parse(Encoding.UTF8.GetBytes(Header + "1,A,200000000,0,60,60\n"), "t.csv", null));
        Assert.Contains("too large to price a 24-hour call exactly", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromRows_RateAboveTheCap_IsRefusedUnlessLifted()
    {
        TariffRow[] rows = [new("44", "UK", new MicroDollars(150_000_000), default, 60, 60, Line: 7)];
        Assert.Equal((7L, "rate"), Assert.Throws<CsvFormatException>(() => TariffLoader.FromRows(rows)) is var e ? (e.Line, e.Field) : default);
        Assert.Single(TariffLoader.FromRows(rows, "code", null).Rows);
    }

    [Fact]
    public void FromRows_ChecksLikeTheFileLoader() =>
        Assert.Throws<CsvFormatException>(() => TariffLoader.FromRows(
        [
            new TariffRow("1", "A", new MicroDollars(1), default, 60, 60),
            new TariffRow("1", "B", new MicroDollars(1), default, 60, 60),
        ]));
}
