using Centrex.Rating.Charging;

namespace Centrex.Rating.Tests.Charging;

public class BillingIncrementsTests
{
    [Theory]
    [InlineData(0, 30, 6, 0L)] // nothing billed
    [InlineData(1, 30, 6, 30L)] // inside the first increment
    [InlineData(29, 30, 6, 30L)]
    [InlineData(30, 30, 6, 30L)] // exactly the first increment
    [InlineData(31, 30, 6, 36L)] // one second past: one next increment
    [InlineData(36, 30, 6, 36L)]
    [InlineData(37, 30, 6, 42L)]
    [InlineData(1, 60, 60, 60L)]
    [InlineData(61, 60, 60, 120L)]
    [InlineData(59, 1, 1, 59L)]
    [InlineData(86_400, 60, 60, 86_400L)]
    [InlineData(86_400, 7, 13, 86_405L)] // 7 + ceil(86393 / 13) × 13 = 7 + 6646 × 13
    [InlineData(5, 100_000, 1, 100_000L)] // increments longer than a day still bill the first increment
    [InlineData(86_400, 1, int.MaxValue, 1L + int.MaxValue)]
    public void BilledSeconds_AtIncrementBoundaries(int duration, int first, int next, long expected) =>
        Assert.Equal(expected, BillingIncrements.BilledSeconds(duration, first, next));

    [Fact]
    public void BilledSeconds_NeverLessThanDurationAndNeverDecreases() =>
        Prop.ForAll(
            Gen.Choose(0, BillingIncrements.MaxDurationSeconds).ToArbitrary(),
            Gen.Choose(1, 3_600).ToArbitrary(),
            Gen.Choose(1, 3_600).ToArbitrary(),
            (duration, first, next) =>
            {
                var billed = BillingIncrements.BilledSeconds(duration, first, next);
                var longer = BillingIncrements.BilledSeconds(Math.Min(duration + 1, BillingIncrements.MaxDurationSeconds), first, next);
                return billed >= duration && longer >= billed && (duration == 0 || (billed - first) % next == 0 || billed == first);
            }).QuickCheckThrowOnFailure();
}
