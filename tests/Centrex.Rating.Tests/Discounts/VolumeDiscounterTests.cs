using Centrex.Rating.Discounts;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;
using NodaTime;

namespace Centrex.Rating.Tests.Discounts;

public class VolumeDiscounterTests
{
    private static readonly YearMonth October = new(2026, 10);
    private static readonly DestinationGroup Uk = new("United Kingdom", ["44"], []);
    private static readonly DestinationGroup AllInternational = new("International", [], [NumberClass.International]);

    private static DiscountCall UkCall(long seconds, long chargeMills) => new("442071234567", NumberClass.International, seconds, new Mills(chargeMills));

    private static DiscountPlan MinutesPlan(string id, DestinationGroup group, int precedence, bool combinable, params (long Minutes, int Bp)[] tiers) =>
        new(id, id, group, DiscountBasis.Minutes, tiers.Select(t => new DiscountTier(t.Minutes * 60, t.Bp)), precedence, combinable);

    [Fact]
    public void Apply_BelowFirstThreshold_GivesNothingButCounts()
    {
        var plan = MinutesPlan("uk", Uk, 1, true, (100, 1_000));
        var counters = new DiscountCounters();
        Assert.Equal(Mills.Zero, VolumeDiscounter.Apply(UkCall(600, 1_200), [plan], counters, October));
        Assert.Equal(600, counters.Used("uk", October));
    }

    [Fact]
    public void Apply_CallCrossingThreshold_DiscountsOnlyTheSecondsAbove_RoundedDown()
    {
        // 100-minute threshold at 10%; 99 minutes used; a 3-minute call of 1.001 crosses it with 2 of its 3 minutes
        // above: 1.001 × 120/180 × 10% = 0.066733… → 0.066 (rounded down to the mill).
        var plan = MinutesPlan("uk", Uk, 1, true, (100, 1_000));
        var counters = new DiscountCounters();
        counters.Add("uk", October, 99 * 60);
        Assert.Equal(new Mills(66), VolumeDiscounter.Apply(UkCall(180, 1_001), [plan], counters, October));
        Assert.Equal(102 * 60, counters.Used("uk", October));
    }

    [Fact]
    public void Apply_CallCrossingTwoThresholds_WeighsEachPart()
    {
        // Tiers: 0–10 min 0%, 10–11 min 10%, 11+ min 50%. From 9 min, a 3-minute call of 3.000: 1 min at 0%, 1 at 10%,
        // 1 at 50% = (0 + 0.1 + 0.5) × 1.000 = 0.600.
        var plan = MinutesPlan("uk", Uk, 1, true, (10, 1_000), (11, 5_000));
        var counters = new DiscountCounters();
        counters.Add("uk", October, 9 * 60);
        Assert.Equal(new Mills(600), VolumeDiscounter.Apply(UkCall(180, 3_000), [plan], counters, October));
    }

    [Fact]
    public void Apply_MoneyThreshold_CountsGrossCharge()
    {
        var plan = new DiscountPlan("m", "m", Uk, DiscountBasis.Money, [new DiscountTier(10_000, 2_000)], 1, true);
        var counters = new DiscountCounters();
        counters.Add("m", October, 9_500);
        // 0.500 below the 10.000 threshold, 0.500 above at 20% = 0.100.
        Assert.Equal(new Mills(100), VolumeDiscounter.Apply(UkCall(60, 1_000), [plan], counters, October));
        Assert.Equal(10_500, counters.Used("m", October));
    }

    [Fact]
    public void Apply_HigherPrecedenceFirst_CombinableStacksOnWhatIsLeft()
    {
        var high = MinutesPlan("high", Uk, 10, true, (0, 2_000));
        var low = MinutesPlan("low", AllInternational, 1, true, (0, 1_000));
        var applied = new List<(string, Mills)>();
        // 20% of 10.000 = 2.000, then 10% of the remaining 8.000 = 0.800.
        var discount = VolumeDiscounter.Apply(UkCall(60, 10_000), [low, high], new DiscountCounters(), October, applied);
        Assert.Equal(new Mills(2_800), discount);
        Assert.Equal([("high", new Mills(2_000)), ("low", new Mills(800))], applied);
    }

    [Fact]
    public void Apply_NonCombinableThatDiscounts_StopsLowerPlans()
    {
        var high = MinutesPlan("high", Uk, 10, false, (0, 2_000));
        var low = MinutesPlan("low", AllInternational, 1, true, (0, 1_000));
        var counters = new DiscountCounters();
        Assert.Equal(new Mills(2_000), VolumeDiscounter.Apply(UkCall(60, 10_000), [low, high], counters, October));
        Assert.Equal(0, counters.Used("low", October));
    }

    [Fact]
    public void Apply_NonCombinableBelowItsThreshold_LetsLowerPlansApply()
    {
        var high = MinutesPlan("high", Uk, 10, false, (100, 2_000));
        var low = MinutesPlan("low", AllInternational, 1, true, (0, 1_000));
        var counters = new DiscountCounters();
        Assert.Equal(new Mills(1_000), VolumeDiscounter.Apply(UkCall(60, 10_000), [low, high], counters, October));
        Assert.Equal(60, counters.Used("high", October));
    }

    [Fact]
    public void Apply_NonCombinableAfterAnotherDiscount_IsSkipped()
    {
        var high = MinutesPlan("high", Uk, 10, true, (0, 2_000));
        var low = MinutesPlan("low", AllInternational, 1, false, (0, 5_000));
        var counters = new DiscountCounters();
        Assert.Equal(new Mills(2_000), VolumeDiscounter.Apply(UkCall(60, 10_000), [high, low], counters, October));
        Assert.Equal(0, counters.Used("low", October));
    }

    [Fact]
    public void Apply_CallOutsideTheGroup_IsUntouched()
    {
        var plan = MinutesPlan("uk", Uk, 1, true, (0, 5_000));
        var counters = new DiscountCounters();
        var france = new DiscountCall("33142000000", NumberClass.International, 60, new Mills(1_000));
        Assert.Equal(Mills.Zero, VolumeDiscounter.Apply(france, [plan], counters, October));
        Assert.Equal(0, counters.Used("uk", October));
    }

    [Fact]
    public void Counters_ResetInTheNextPeriod_AndShowUsedAndRemaining()
    {
        var plan = MinutesPlan("uk", Uk, 1, true, (100, 1_000), (500, 2_000));
        var counters = new DiscountCounters();
        VolumeDiscounter.Apply(UkCall(150 * 60, 1_000), [plan], counters, October);
        var status = counters.Status(plan, October);
        Assert.Equal((150 * 60L, 1_000, 500 * 60L, 350 * 60L), (status.Used, status.CurrentBasisPoints, status.NextThreshold!.Value, status.Remaining!.Value));

        var november = new YearMonth(2026, 11);
        Assert.Equal(0, counters.Used("uk", november));
        VolumeDiscounter.Apply(UkCall(60, 1_000), [plan], counters, november);
        Assert.Equal(60, counters.Status(plan, november).Used);
        Assert.Equal(100 * 60L, counters.Status(plan, november).NextThreshold);
    }

    [Fact]
    public void Apply_SplittingAVolumeIntoCalls_NeverGivesMoreThanTheWholeCallAtOnce()
    {
        // Rounding down per call: many small calls get at most what one call of the same total would.
        Prop.ForAll(Gen.Choose(1, 40).ToArbitrary(), Gen.Choose(1, 5_000).ToArbitrary(), (calls, millsPerCall) =>
        {
            var plan = MinutesPlan("uk", Uk, 1, true, (0, 333), (3, 1_777));
            var split = new DiscountCounters();
            long sum = 0;
            for (var i = 0; i < calls; i++)
            {
                sum += VolumeDiscounter.Apply(UkCall(60, millsPerCall), [plan], split, October).Value;
            }

            var whole = VolumeDiscounter.Apply(UkCall(60L * calls, (long)millsPerCall * calls), [plan], new DiscountCounters(), October).Value;
            return sum <= whole && whole - sum < calls;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Apply_CombinedDiscounts_NeverExceedTheCharge()
    {
        Prop.ForAll(Gen.Choose(0, 10_000).ToArbitrary(), Gen.Choose(0, 10_000).ToArbitrary(), Gen.Choose(1, 1_000_000).ToArbitrary(), (a, b, charge) =>
        {
            var first = MinutesPlan("a", Uk, 2, true, (0, a));
            var second = MinutesPlan("b", AllInternational, 1, true, (0, b));
            var discount = VolumeDiscounter.Apply(UkCall(60, charge), [first, second], new DiscountCounters(), October).Value;
            return discount >= 0 && discount <= charge;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Plan_RejectsDuplicateThresholdsAndBadRates()
    {
        Assert.Throws<ArgumentException>(() => MinutesPlan("x", Uk, 1, true, (10, 100), (10, 200)));
        Assert.Throws<ArgumentException>(() => MinutesPlan("x", Uk, 1, true, (10, 10_001)));
        Assert.Throws<ArgumentException>(() => new DestinationGroup("empty", [], []));
        Assert.Throws<ArgumentException>(() => new DestinationGroup("bad", ["+44"], []));
    }
}
