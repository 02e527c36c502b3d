using Centrex.Rating.Money;

namespace Centrex.Invoicing.Tests;

public class MoneyRoundingTests
{
    [Theory]
    [InlineData(5_243, 5_240)]
    [InlineData(5_245, 5_250)]
    [InlineData(5_244, 5_240)]
    [InlineData(-5_245, -5_250)]
    [InlineData(-5_244, -5_240)]
    [InlineData(0, 0)]
    public void HalfUpToCent_RoundsAHalfAwayFromZero(long mills, long expected) =>
        Assert.Equal(new Mills(expected), MoneyRounding.HalfUpToCent(new Mills(mills)));

    [Theory]
    [InlineData(10_000, 19, 28, 6_786)] // 6.78571… half up to the mill
    [InlineData(34_990, 20, 31, 22_574)] // 22.57419…
    [InlineData(1_000, 1, 8, 125)]
    [InlineData(1_000, 3, 16, 188)] // 187.5 → 188: a half rounds up
    [InlineData(19_990, 30, 30, 19_990)]
    public void Prorate_ByDays_HalfUpToTheMill(long fee, int days, int dim, long expected) =>
        Assert.Equal(new Mills(expected), MoneyRounding.Prorate(new Mills(fee), days, dim));

    [Fact]
    public void ShareRoundedDown_PartsNeverAddUpToMoreThanTheWhole_AndLoseLessThanAMillEach()
    {
        Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), Gen.Choose(1, 30).ToArbitrary(), Gen.Choose(1, 7200).ToArbitrary(), (amount, pieces, seconds) =>
        {
            var whole = (long)seconds * pieces;
            var sum = Enumerable.Range(0, pieces).Sum(_ => MoneyRounding.ShareRoundedDown(new Mills(amount), seconds, whole).Value);
            return sum <= amount && amount - sum < pieces;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ShareRoundedDown_OfTheWhole_IsTheWhole() =>
        Assert.Equal(new Mills(301), MoneyRounding.ShareRoundedDown(new Mills(301), 180, 180));
}
