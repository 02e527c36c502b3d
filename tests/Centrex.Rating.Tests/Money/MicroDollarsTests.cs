using Centrex.Rating.Money;

namespace Centrex.Rating.Tests.Money;

public class MicroDollarsTests
{
    [Theory]
    [InlineData("0.012345", 12_345L)]
    [InlineData("0.0125", 12_500L)]
    [InlineData("3", 3_000_000L)]
    [InlineData(".5", 500_000L)]
    [InlineData("0", 0L)]
    [InlineData("0.000001", 1L)]
    [InlineData("000.100000", 100_000L)]
    public void Parse_UpToSixDecimals_GivesMicroDollars(string text, long expected) =>
        Assert.Equal(expected, MicroDollars.Parse(text).Value);

    [Theory]
    [InlineData("0.0123456")]
    [InlineData("-0.01")]
    [InlineData("1.")]
    [InlineData(".")]
    [InlineData("1,5")]
    [InlineData("1.5e-3")]
    [InlineData("$1")]
    [InlineData("9223372036854.775808")]
    public void TryParse_NotAnAmount_ReturnsFalse(string text) => Assert.False(MicroDollars.TryParse(text, out _));

    [Theory]
    [InlineData(0L, 0L)]
    [InlineData(1L, 1L)]
    [InlineData(999L, 1L)]
    [InlineData(1_000L, 1L)]
    [InlineData(1_001L, 2L)]
    [InlineData(57_000L, 57L)]
    public void CeilingToMills_AnyRemainder_RoundsUp(long micro, long mills) =>
        Assert.Equal(mills, new MicroDollars(micro).CeilingToMills().Value);

    [Fact]
    public void ToString_PrintsSixDecimals() => Assert.Equal("0.012500", new MicroDollars(12_500).ToString());
}
