using Centrex.Rating.Money;

namespace Centrex.Rating.Tests.Money;

public class MillsTests
{
    [Theory]
    [InlineData(0L, "0.000")]
    [InlineData(57L, "0.057")]
    [InlineData(1_000L, "1.000")]
    [InlineData(5_243L, "5.243")]
    [InlineData(-1L, "-0.001")]
    [InlineData(-12_500L, "-12.500")]
    [InlineData(long.MaxValue, "9223372036854775.807")]
    [InlineData(long.MinValue, "-9223372036854775.808")]
    public void ToString_AnyAmount_PrintsExactlyThreeDecimals(long value, string expected)
    {
        Assert.Equal(expected, new Mills(value).ToString());
        Span<byte> utf8 = stackalloc byte[32];
        Assert.True(new Mills(value).TryFormat(utf8, out var written));
        Assert.Equal(expected, System.Text.Encoding.ASCII.GetString(utf8[..written]));
    }

    [Fact]
    public void TryFormat_DestinationTooSmall_ReturnsFalse()
    {
        Span<byte> tiny = stackalloc byte[4];
        Assert.False(new Mills(5_243).TryFormat(tiny, out _));
    }

    [Theory]
    [InlineData("5.243", 5_243L)]
    [InlineData("5.24", 5_240L)]
    [InlineData("5", 5_000L)]
    [InlineData("-0.001", -1L)]
    [InlineData(".5", 500L)]
    public void Parse_ValidAmount_GivesMills(string text, long expected) => Assert.Equal(expected, Mills.Parse(text).Value);

    [Theory]
    [InlineData("5.2431")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("1.")]
    [InlineData("1e3")]
    [InlineData(" 1")]
    [InlineData("+1")]
    [InlineData("99999999999999999999")]
    public void TryParse_InvalidAmount_ReturnsFalse(string text) => Assert.False(Mills.TryParse(text, out _));

    [Fact]
    public void Addition_Overflow_Throws()
    {
        var max = new Mills(long.MaxValue);
        Assert.Throws<OverflowException>(() => max + new Mills(1));
        Assert.Throws<OverflowException>(() => new Mills(long.MinValue) - new Mills(1));
        Assert.Throws<OverflowException>(() => -new Mills(long.MinValue));
    }

    [Fact]
    public void FormatThenParse_AnyValue_RoundTrips() =>
        Prop.ForAll<long>(v => Mills.Parse(new Mills(v).ToString()).Value == v).QuickCheckThrowOnFailure();
}
