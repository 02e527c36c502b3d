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

    [Fact]
    public void BilledSecondsByReciprocal_EveryIncrementUpToADay_AtEveryStepBoundary_MatchesDivision()
    {
        // Exhaustive where a division by multiplication can go wrong: just below, at and just above each multiple of
        // the increment, for every increment from 1 second to a day.
        const int First = 1;
        for (var next = 1; next <= BillingIncrements.MaxDurationSeconds; next++)
        {
            var reciprocal = BillingIncrements.StepReciprocal(next);
            for (long multiple = next; multiple <= BillingIncrements.MaxDurationSeconds + next; multiple += next)
            {
                for (var delta = -1; delta <= 1; delta++)
                {
                    var duration = (int)Math.Clamp(multiple + delta + First, 0, BillingIncrements.MaxDurationSeconds);
                    var expected = BillingIncrements.BilledSeconds(duration, First, next);
                    var actual = BillingIncrements.BilledSeconds(duration, First, next, reciprocal);
                    if (expected != actual)
                    {
                        Assert.Fail($"next {next}, duration {duration}: {actual} instead of {expected}");
                    }
                }
            }
        }
    }

    [Fact]
    public void BilledSecondsByReciprocal_AnyTerms_MatchesDivision() =>
        Prop.ForAll(
            Gen.Choose(0, BillingIncrements.MaxDurationSeconds).ToArbitrary(),
            Gen.Choose(1, int.MaxValue).ToArbitrary(),
            Gen.OneOf(Gen.Choose(1, 120), Gen.Choose(1, int.MaxValue)).ToArbitrary(),
            (duration, first, next) =>
                BillingIncrements.BilledSeconds(duration, first, next, BillingIncrements.StepReciprocal(next))
                    == BillingIncrements.BilledSeconds(duration, first, next)).QuickCheckThrowOnFailure();
}
