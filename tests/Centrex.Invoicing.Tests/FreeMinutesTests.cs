using Centrex.Invoicing.FreeMinutes;
using Centrex.Invoicing.Tests.Support;
using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Invoicing.Tests;

public class FreeMinutesTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 10, 3, 9, 0);
    private static readonly YearMonth October = new(2026, 10);

    [Fact]
    public void CallCrossingTheLimit_IsCreditedForItsCoveredSecondsRoundedDown()
    {
        var calls = new[]
        {
            Calls.Domestic("A1", T0 + Duration.FromMinutes(30), 180, 301), // crosses: 60 of 180 s covered → 0.301 / 3 = 0.1003… → 0.100
            Calls.Domestic("A1", T0, 360, 600),
            Calls.Domestic("A1", T0 + Duration.FromMinutes(10), 180, 300),
            Calls.Domestic("A1", T0 + Duration.FromMinutes(60), 60, 100), // after the limit: nothing
        };
        var credit = FreeMinutesCalculator.Compute("A1", October, 10, calls);
        Assert.Equal((600L, 3, new Mills(1_000)), (credit.CoveredSeconds, credit.CallsCredited, credit.Credit));
    }

    [Fact]
    public void OnlyDomesticCalls_AreCovered()
    {
        var calls = new[]
        {
            Calls.International("A1", T0, 600, 5_000),
            Calls.Make("A1", T0, 600, Rating.Numbering.NumberClass.TollFree, "1800", "Toll-free", "18005550100", 0),
            Calls.Make("A1", T0, 600, Rating.Numbering.NumberClass.NanpInternational, "1876", "Jamaica", "18765550100", 9_000),
            Calls.Domestic("A1", T0 + Duration.FromHours(1), 120, 200),
        };
        var credit = FreeMinutesCalculator.Compute("A1", October, 300, calls);
        Assert.Equal((120L, new Mills(200)), (credit.CoveredSeconds, credit.Credit));
    }

    [Fact]
    public void Credit_IsTheNetChargeAfterVolumeDiscount()
    {
        var credit = FreeMinutesCalculator.Compute("A1", October, 300, [Calls.Domestic("A1", T0, 60, 1_000, discountMills: 100)]);
        Assert.Equal(new Mills(900), credit.Credit);
    }

    [Fact]
    public void Credit_NeverExceedsTheNetChargesOfTheMonth()
    {
        Prop.ForAll(Gen.Choose(0, 500).ToArbitrary(), Gen.Choose(1, 60).ToArbitrary(), (allowance, count) =>
        {
            var random = new Random(allowance * 100 + count);
            var calls = Enumerable.Range(0, count).Select(i => Calls.Domestic("A1", T0 + Duration.FromMinutes(i), 6 * random.Next(1, 300), random.Next(0, 5_000))).ToList();
            var credit = FreeMinutesCalculator.Compute("A1", October, allowance, calls);
            return credit.Credit.Value <= calls.Sum(c => c.Net.Value) && credit.CoveredSeconds <= allowance * 60L;
        }).QuickCheckThrowOnFailure();
    }
}
