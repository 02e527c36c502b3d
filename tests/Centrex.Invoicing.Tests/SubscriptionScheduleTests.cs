using Centrex.Invoicing.Subscriptions;
using Centrex.Provisioning.Model;
using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Invoicing.Tests;

public class SubscriptionScheduleTests
{
    private static readonly SubscriptionSchedule Schedule = new(BillingRules.Default);
    private static readonly Account Line = new("A1", "C1", AccountType.Credit, Mills.Zero, null, Requires911: false, [], Extension: null, Sip: null, Dids: []);
    private static readonly Account Line911 = Line with { Requires911 = true };
    private static readonly Dictionary<string, Product> Products = new()
    {
        ["BASIC"] = new("BASIC", "Basic", new Mills(19_990), 100),
        ["PRO"] = new("PRO", "Pro", new Mills(34_990), 300),
        ["FLAT"] = new("FLAT", "Flat", new Mills(31_000), 0),
        ["FEB"] = new("FEB", "Feb", new Mills(28_000), 0),
    };

    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    private static IReadOnlyList<SubscriptionCharge> Posted(Account account, LocalDate from, LocalDate to, params Subscription[] subscriptions) =>
        Schedule.ChargesPosted(account, subscriptions, Products, from, to);

    [Fact]
    public void AddedOnDay19_IsChargedForTheRestOfTheMonthOnly_TheNextMonthComesOnThe27th()
    {
        var s = new Subscription("S", "A1", "FLAT", D(2026, 10, 19), null, null);
        var atActivation = Posted(Line, D(2026, 10, 1), D(2026, 10, 19), s);
        var charge = Assert.Single(atActivation);
        Assert.Equal((D(2026, 10, 19), D(2026, 10, 31), 13, new Mills(13_000)), (charge.ServiceFrom, charge.ServiceTo, charge.Days, charge.Amount));

        var november = Assert.Single(Posted(Line, D(2026, 10, 20), D(2026, 10, 31), s));
        Assert.Equal((SubscriptionChargeKind.Regular, D(2026, 10, 27), new Mills(31_000)), (november.Kind, november.PostedOn, november.Amount));
    }

    [Fact]
    public void AddedOnDay20_IsChargedAtOnceForTheRestOfTheMonthAndAllOfTheNext()
    {
        var s = new Subscription("S", "A1", "FLAT", D(2026, 10, 20), null, null);
        var atActivation = Posted(Line, D(2026, 10, 1), D(2026, 10, 20), s);
        Assert.Equal(2, atActivation.Count);
        Assert.All(atActivation, c => Assert.Equal((SubscriptionChargeKind.Activation, D(2026, 10, 20)), (c.Kind, c.PostedOn)));
        Assert.Equal(new Mills(12_000), atActivation[0].Amount); // Oct 20–31: 12 of 31 days
        Assert.Equal((D(2026, 11, 1), D(2026, 11, 30), new Mills(31_000)), (atActivation[1].ServiceFrom, atActivation[1].ServiceTo, atActivation[1].Amount));
        Assert.Empty(Posted(Line, D(2026, 10, 21), D(2026, 10, 31), s)); // nothing more on the 27th
    }

    [Theory]
    [InlineData(2026, 19_000)] // 19 of 28 days of 28.00
    [InlineData(2028, 20_000)] // leap year: 20 of 29 days of 28.00 = 19.3103… → 19.310
    public void February_ProratesOverItsOwnDays(int year, long _)
    {
        var s = new Subscription("S", "A1", "FEB", D(year, 2, 10), null, null);
        var first = Posted(Line, D(year, 2, 1), D(year, 2, 28), s)[0];
        var days = year == 2028 ? 20 : 19;
        Assert.Equal((days, year == 2028 ? 29 : 28), (first.Days, first.DaysInMonth));
        Assert.Equal(MoneyRounding.Prorate(new Mills(28_000), days, first.DaysInMonth), first.Amount);
        Assert.Equal(year == 2028 ? new Mills(19_310) : new Mills(19_000), first.Amount);
    }

    [Fact]
    public void UpgradeMidMonth_TheNewPlanPaysItsDaysAtOnce_AndTheOldPlanOwesOnlyItsOwnDays()
    {
        var basic = new Subscription("S1", "A1", "BASIC", D(2026, 9, 1), D(2026, 10, 11), null);
        var pro = new Subscription("S2", "A1", "PRO", D(2026, 10, 12), null, "S1");
        var targets = Schedule.Targets(Line, [basic, pro], Products, D(2026, 10, 31));
        var october = targets.Where(c => c.ServiceFrom.Month == 10).ToList();

        // The old plan was billed for all of October on Sep 27; it now owes Oct 1-11 only (billing credits the rest).
        var old = october.Single(c => c.SubscriptionId == "S1");
        Assert.Equal((D(2026, 9, 27), 11, new Mills(7_093), "sub:S1:2026-10"), (old.PostedOn, old.Days, old.Amount, old.Key)); // 19.99 × 11/31
        var upgrade = october.Single(c => c.SubscriptionId == "S2");
        Assert.Equal((SubscriptionChargeKind.Upgrade, D(2026, 10, 12), 20, new Mills(22_574)), (upgrade.Kind, upgrade.PostedOn, upgrade.Days, upgrade.Amount)); // 34.99 × 20/31
        var november = targets.Single(c => c.ServiceFrom.Month == 11);
        Assert.Equal(("S2", D(2026, 10, 27), new Mills(34_990)), (november.SubscriptionId, november.PostedOn, november.Amount));
    }

    [Fact]
    public void UpgradeAfterThe27th_ChargesTheNextMonthAtTheNewPriceAtOnce_AndTheOldPlanOwesNothingForIt()
    {
        var basic = new Subscription("S1", "A1", "BASIC", D(2026, 9, 1), null, null);
        var pro = new Subscription("S2", "A1", "PRO", D(2026, 10, 29), null, "S1");
        var targets = Schedule.Targets(Line, [basic, pro], Products, D(2026, 10, 31));
        Assert.DoesNotContain(targets, c => c.Key == "sub:S1:2026-11");
        var november = targets.Single(c => c.Key == "sub:S2:2026-11");
        Assert.Equal((D(2026, 10, 29), new Mills(34_990)), (november.PostedOn, november.Amount));
        Assert.Contains(targets, c => c is { Kind: SubscriptionChargeKind.Upgrade, ServiceFrom.Month: 10, Days: 3 });
    }

    [Fact]
    public void Downgrade_TakesEffectAtTheEndOfTheCycle_AtTheNewPriceOnThe27th()
    {
        var pro = new Subscription("S1", "A1", "PRO", D(2026, 7, 1), D(2026, 10, 31), null);
        var basic = new Subscription("S2", "A1", "BASIC", D(2026, 11, 1), null, "S1");
        var october = Posted(Line, D(2026, 10, 1), D(2026, 10, 31), pro, basic);
        var november = Assert.Single(october);
        Assert.Equal(("S2", SubscriptionChargeKind.Regular, D(2026, 10, 27), new Mills(19_990)), (november.SubscriptionId, november.Kind, november.PostedOn, november.Amount));
    }

    [Fact]
    public void Emergency911Fee_IsNeverProrated()
    {
        var s = new Subscription("S", "A1", "FLAT", D(2026, 10, 22), null, null);
        var fees = Posted(Line911, D(2026, 10, 1), D(2026, 10, 31), s).Where(c => c.Kind == SubscriptionChargeKind.Emergency911).ToList();
        Assert.Equal(2, fees.Count); // the rest of October and all of November, both charged on the 22nd
        Assert.All(fees, f => Assert.Equal((new Mills(2_990), D(2026, 10, 22)), (f.Amount, f.PostedOn)));
    }

    [Fact]
    public void EndedSubscription_PaysOnlyItsDaysInItsLastMonth()
    {
        var s = new Subscription("S", "A1", "FLAT", D(2026, 1, 1), D(2026, 11, 10), null);
        var november = Assert.Single(Posted(Line, D(2026, 10, 1), D(2026, 10, 31), s));
        Assert.Equal((10, new Mills(10_333)), (november.Days, november.Amount)); // 31.00 × 10/30
        Assert.Empty(Posted(Line, D(2026, 11, 1), D(2026, 11, 30), s));
    }

    [Fact]
    public void SetupFee_IsChargedOnceInFullOnTheFirstDay_NotForAPlanChange()
    {
        var products = new Dictionary<string, Product>(Products) { ["DID"] = new("DID", "Local number", new Mills(2_500), 0, SetupFee: new Mills(10_000)) };
        var number = new Subscription("N1", "A1", "DID", D(2026, 10, 5), null, null, Did: "15145550100");
        var change = new Subscription("N2", "A1", "DID", D(2026, 11, 1), null, "N1", Did: "15145550100");
        var targets = Schedule.Targets(Line, [number with { End = D(2026, 10, 31) }, change], products, D(2026, 11, 30));
        var setup = Assert.Single(targets, c => c.Kind == SubscriptionChargeKind.SetupFee);
        Assert.Equal(("setup:N1", D(2026, 10, 5), new Mills(10_000)), (setup.Key, setup.PostedOn, setup.Amount));
        Assert.Contains(targets, c => c.Key == "sub:N1:2026-10" && c.Description == "Local number (+15145550100)" && c.Days == 27);
    }
}
