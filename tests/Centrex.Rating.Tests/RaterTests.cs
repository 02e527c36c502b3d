using System.Text;
using Centrex.Rating.Charging;
using Centrex.Rating.Numbering;
using Centrex.Rating.Tariffs;

namespace Centrex.Rating.Tests;

public class RaterTests
{
    private static readonly Tariff Tariff = TariffLoader.Parse(Encoding.UTF8.GetBytes(
        """
        prefix,destination,rate,connect_fee,first_increment,next_increment
        1,North America,0.0100,0,6,6
        1800,Toll-free,0,0,1,1
        1876,Jamaica,0.2000,0.0500,60,60
        18765,Jamaica Mobile,0.3000,0.0500,60,60
        44,United Kingdom,0.0300,0,30,6
        447,UK Mobile,0.1200,0,30,6
        """), "tariff.csv");

    private static readonly Rater Rater = new(Tariff, NumberingPlan.Default);

    private static (RatingOutcome Outcome, RatedCall Call) Rate(string callee, int duration)
    {
        var outcome = Rater.Rate(Encoding.ASCII.GetBytes(callee), duration, out var call);
        return (outcome, call);
    }

    [Fact]
    public void Rate_DomesticCall_UsesNorthAmericaRateAndIncrements()
    {
        var (outcome, call) = Rate("2125551234", 61);
        Assert.Equal(RatingOutcome.Rated, outcome);
        Assert.Equal("12125551234", call.Callee.ToString());
        Assert.Equal(NumberClass.Domestic, call.Class);
        Assert.Equal("North America", Tariff.Rows[call.TariffRow].Destination);
        Assert.Equal(66L, call.BilledSeconds);
        Assert.Equal(11L, call.Charge.Value); // 0.01 × 66 / 60 = 0.011
    }

    [Fact]
    public void Rate_CaribbeanNumber_NeverPricedByTheBareNorthAmericaPrefix()
    {
        var (outcome, call) = Rate("8765551234", 60);
        Assert.Equal(RatingOutcome.Rated, outcome);
        Assert.Equal(NumberClass.NanpInternational, call.Class);
        Assert.Equal("18765", Tariff.Rows[call.TariffRow].Prefix);
        Assert.Equal(350L, call.Charge.Value); // 0.05 + 0.30

        // Barbados (246) has no 4+ digit prefix: the "1" row must not price it.
        Assert.Equal(RatingOutcome.NoRate, Rate("2465551234", 60).Outcome);
    }

    [Fact]
    public void Rate_TollFree_IsClassifiedAndPricedByItsOwnPrefix()
    {
        var (outcome, call) = Rate("+18005551234", 300);
        Assert.Equal(RatingOutcome.Rated, outcome);
        Assert.Equal(NumberClass.TollFree, call.Class);
        Assert.Equal(0L, call.Charge.Value);
    }

    [Fact]
    public void Rate_TollFreeWithoutOwnPrefix_FallsBackToLongestMatch()
    {
        var (outcome, call) = Rate("8885551234", 60);
        Assert.Equal(RatingOutcome.Rated, outcome);
        Assert.Equal(NumberClass.TollFree, call.Class);
        Assert.Equal("1", Tariff.Rows[call.TariffRow].Prefix);
    }

    [Fact]
    public void Rate_International_LongestPrefixWins()
    {
        var (_, mobile) = Rate("011447700900123", 31);
        Assert.Equal((NumberClass.International, "447", 36L, 72L), (mobile.Class, Tariff.Rows[mobile.TariffRow].Prefix, mobile.BilledSeconds, mobile.Charge.Value));
        var (_, fixedLine) = Rate("00442071234567", 30);
        Assert.Equal(("44", 30L, 15L), (Tariff.Rows[fixedLine.TariffRow].Prefix, fixedLine.BilledSeconds, fixedLine.Charge.Value));
    }

    [Fact]
    public void Rate_UnknownCountry_IsNoRate() => Assert.Equal(RatingOutcome.NoRate, Rate("+33123456789", 60).Outcome);

    [Fact]
    public void Rate_ZeroDuration_ChargesNothingNotEvenConnectFee()
    {
        var (outcome, call) = Rate("8765551234", 0);
        Assert.Equal((RatingOutcome.Rated, 0L, 0L), (outcome, call.BilledSeconds, call.Charge.Value));
    }

    [Theory]
    [InlineData("12125551", 60, RatingOutcome.BadCallee)]
    [InlineData("2125551234", -1, RatingOutcome.BadDuration)]
    [InlineData("2125551234", 86_401, RatingOutcome.BadDuration)]
    public void Rate_BadInput_SaysWhichPart(string callee, int duration, RatingOutcome expected) =>
        Assert.Equal(expected, Rate(callee, duration).Outcome);

    [Fact]
    public void Rate_ChargeNeverDecreasesAsDurationGrows() =>
        Prop.ForAll(
            Gen.Elements("2125551234", "8765551234", "18765551234", "011447700900123", "00442071234567", "18005551234").ToArbitrary(),
            Gen.Choose(0, BillingIncrements.MaxDurationSeconds - 1).ToArbitrary(),
            Gen.Choose(1, 600).ToArbitrary(),
            (callee, duration, step) =>
            {
                var shorter = Rate(callee, duration).Call.Charge;
                var longer = Rate(callee, Math.Min(duration + step, BillingIncrements.MaxDurationSeconds)).Call.Charge;
                return longer >= shorter;
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Rate_WarmedUp_AllocatesNothing()
    {
        var callee = "011447700900123"u8.ToArray();
        Rater.Rate(callee, 60, out _);

        // Tiered compilation may allocate on this thread while it promotes Rate (call counting, OSR) during the first
        // rounds; code that allocates per call allocates in every round, so the last of a few rounds must be clean.
        var allocated = long.MaxValue;
        for (var round = 0; round < 5 && allocated != 0; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 10_000; i++)
            {
                Rater.Rate(callee, i % 3_600, out _);
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Assert.Equal(0L, allocated);
    }
}
