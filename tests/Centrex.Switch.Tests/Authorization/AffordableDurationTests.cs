using Centrex.Rating.Money;
using Centrex.Switch.Authorization;

namespace Centrex.Switch.Tests.Authorization;

public sealed class AffordableDurationTests
{
    // 0.06 $/min is exactly one mill per second.
    private static readonly MicroDollars MillPerSecond = new(60_000);

    [Fact]
    public void MaxSeconds_ExactlyAffordableFirstIncrement_AllowsIt()
    {
        Assert.Equal(60, AffordableDuration.MaxSeconds(MillPerSecond, default, 60, 60, new Mills(60)));
        Assert.Equal(60, AffordableDuration.MaxSeconds(MillPerSecond, default, 60, 60, new Mills(119)));
        Assert.Equal(120, AffordableDuration.MaxSeconds(MillPerSecond, default, 60, 60, new Mills(120)));
    }

    [Fact]
    public void MaxSeconds_OneMillShortOfTheFirstIncrement_Refuses() =>
        Assert.Equal(-1, AffordableDuration.MaxSeconds(MillPerSecond, default, 60, 60, new Mills(59)));

    [Fact]
    public void MaxSeconds_ConnectFeeOnly_CoveredGivesTheCapElseRefuses()
    {
        var fee = new MicroDollars(50_000); // 50 mills
        Assert.Equal(7200, AffordableDuration.MaxSeconds(default, fee, 30, 6, new Mills(50)));
        Assert.Equal(-1, AffordableDuration.MaxSeconds(default, fee, 30, 6, new Mills(49)));
    }

    [Fact]
    public void MaxSeconds_ConnectFeePlusRate_FeeComesOffTheTopOnce()
    {
        // 50 mills fee + 1 mill/s, 1/1 increments: 100 mills cover 50 seconds.
        Assert.Equal(50, AffordableDuration.MaxSeconds(MillPerSecond, new MicroDollars(50_000), 1, 1, new Mills(100)));
    }

    [Fact]
    public void MaxSeconds_TollFreeFree_GivesTheCapEvenWithNothingOrLess()
    {
        Assert.Equal(7200, AffordableDuration.MaxSeconds(default, default, 1, 1, Mills.Zero));
        Assert.Equal(7200, AffordableDuration.MaxSeconds(default, default, 60, 60, new Mills(-5_000)));
    }

    [Fact]
    public void MaxSeconds_LargeBalance_CappedAt120Minutes()
    {
        Assert.Equal(7200, AffordableDuration.MaxSeconds(MillPerSecond, default, 1, 1, new Mills(7_200)));
        Assert.Equal(7199, AffordableDuration.MaxSeconds(MillPerSecond, default, 1, 1, new Mills(7_199)));
        Assert.Equal(7200, AffordableDuration.MaxSeconds(new MicroDollars(3_000_000), default, 1, 1, new Mills(long.MaxValue)));
    }

    [Fact]
    public void MaxSeconds_RoundingUpToTheMill_CountsLikeChargeCalculator()
    {
        // 0.01 $/min, 6/6: every 6 s cost 1 mill (1/6 of a mill per second, rounded up per call).
        Assert.Equal(60, AffordableDuration.MaxSeconds(new MicroDollars(10_000), default, 6, 6, new Mills(10)));

        // 0.007 $/min, 1/1: 7/60 mill per second; 1 mill covers 8 s (8 × 7 = 56 ≤ 60), not 9 (63 > 60).
        Assert.Equal(8, AffordableDuration.MaxSeconds(new MicroDollars(7_000), default, 1, 1, new Mills(1)));
        Assert.Equal(new Mills(1), AffordableDuration.Charge(new MicroDollars(7_000), default, 1, 1, 8));
        Assert.Equal(new Mills(2), AffordableDuration.Charge(new MicroDollars(7_000), default, 1, 1, 9));
    }

    [Fact]
    public void MaxSeconds_NegativeAvailable_Refuses() =>
        Assert.Equal(-1, AffordableDuration.MaxSeconds(MillPerSecond, default, 1, 1, new Mills(-1)));

    [Fact]
    public void MaxSeconds_MatchesTheBruteForceSearchOverChargeCalculator()
    {
        var terms = Gen.Zip(Gen.Zip(Gen.Choose(0, 3_000_000), Gen.Choose(0, 200_000)), Gen.Zip(Gen.Elements(1, 6, 30, 60, 61), Gen.Elements(1, 6, 30, 60)));
        var amounts = Gen.Choose(-100, 20_000);
        Prop.ForAll(Arb.From(Gen.Zip(terms, amounts)), input =>
        {
            var (((rate, fee), (first, next)), amount) = input;
            var r = new MicroDollars(rate);
            var c = new MicroDollars(fee);
            var available = new Mills(amount);
            var actual = AffordableDuration.MaxSeconds(r, c, first, next, available);
            var expected = -1;
            if (AffordableDuration.Charge(r, c, first, next, 7200) == Mills.Zero)
            {
                expected = 7200;
            }
            else
            {
                for (var d = 1; d <= 7200 && AffordableDuration.Charge(r, c, first, next, d) <= available; d++)
                {
                    expected = d;
                }
            }

            return actual == expected;
        }).QuickCheckThrowOnFailure();
    }
}
