using Centrex.Invoicing.FreeMinutes;
using Centrex.Invoicing.Tests.Support;
using Centrex.Provisioning.Model;
using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Invoicing.Tests;

/// <summary>Issue 17, rule 1: the seed's free North America minutes, on the whole billing cycle.</summary>
public sealed class FreeMinutesFollowingMonthTests : IDisposable
{
    private static readonly YearMonth September = new(2026, 9);
    private static readonly YearMonth October = new(2026, 10);
    private static readonly DateTimeZone Toronto = DateTimeZoneProviders.Tzdb["America/Toronto"];
    private readonly Harness _h = new();

    public void Dispose() => _h.Dispose();

    private static Instant At(int month, int day, int hour) => new LocalDateTime(2026, month, day, hour, 0).InZoneLeniently(Toronto).ToInstant();

    /// <summary>
    /// Seed 001: "charges for your North America long distance calls will be first deducted from your account balance like
    /// any long distance call and charges for the first 300 minutes of North American calling will be refunded at the end
    /// of the billing cycle. Credit for the Free North America long distance charges will appear on the following months
    /// invoice."
    /// </summary>
    [Fact]
    public void Credit_ForOctobersCalls_AppearsOnNovembersInvoice_NotOctobers()
    {
        _h.Import(Harness.Customer("C1", "A1"));
        _h.Import("""{ "format": "centrex-provisioning/1", "subscriptions": [ { "id": "S1", "account": "A1", "product": "P31", "start": "2026-09-01" } ] }""");
        _h.Calls.Add(Calls.Domestic("A1", At(10, 5, 10), 600, 1_000));
        _h.Calls.Add(Calls.Domestic("A1", At(10, 6, 10), 1_200, 2_000));
        _h.Bill(September);
        var october = _h.Bill(October).Invoices.Single();
        var november = _h.Bill(October.PlusMonths(1)).Invoices.Single();

        Assert.DoesNotContain(october.FreeMinutes, f => f.Month == October); // charged like any long distance call
        Assert.Equal(new Mills(3_000), october.UsageCharges);
        var credit = Assert.Single(november.FreeMinutes);
        Assert.Equal((October, 1_800L, 2, new Mills(3_000)), (credit.Month, credit.CoveredSeconds, credit.CallsCredited, credit.ThisInvoice));
        var csv = File.ReadAllLines(Path.Combine(_h.Data, "invoices", "2026-11", "000003-C1.csv"));
        Assert.Contains(csv, l => l.Contains(",free-minutes-credit,A1,\"Free North America minutes, 2026-10 calls: 30 of 310 used\",2026-10-01,2026-10-31,2,1800,-3.000", StringComparison.Ordinal));
    }

    /// <summary>
    /// Issue 17: "Only calls made while the plan is in service are credited: a plan that starts on Oct 22 does not credit a
    /// call made on Oct 3" and "A partial month's allowance is prorated by the same day fraction as the plan's fee
    /// (rounded down to whole minutes)": 310 minutes × 10/31 days = 100 minutes.
    /// </summary>
    [Fact]
    public void PlanStartingOct22_CreditsOnlyCallsFromOct22_WithAProratedAllowance()
    {
        _h.Import(Harness.Customer("C1", "A1"));
        _h.Import("""{ "format": "centrex-provisioning/1", "subscriptions": [ { "id": "S1", "account": "A1", "product": "P31", "start": "2026-10-22" } ] }""");
        _h.Calls.Add(Calls.Domestic("A1", At(10, 3, 10), 1_800, 3_000)); // before the plan: never credited
        _h.Calls.Add(Calls.Domestic("A1", At(10, 25, 10), 7_200, 12_000)); // 120 minutes: 100 of them covered
        _h.Bill(October);
        var credit = Assert.Single(_h.Bill(October.PlusMonths(1)).Invoices.Single().FreeMinutes);

        Assert.Equal(100, credit.AllowanceMinutes);
        Assert.Equal((6_000L, 1), (credit.CoveredSeconds, credit.CallsCredited));
        Assert.Equal(MoneyRounding.ShareRoundedDown(new Mills(12_000), 6_000, 7_200), credit.ThisInvoice); // 10.000 exactly
    }

    [Fact]
    public void Allowance_IsProratedByDaysInService_RoundedDownToWholeMinutes()
    {
        var products = new Dictionary<string, Product> { ["P"] = new("P", "Plan", new Mills(34_990), 300), ["B"] = new("B", "Basic", new Mills(19_990), 100) };
        var basic = new Subscription("S1", "A1", "B", new LocalDate(2026, 9, 1), new LocalDate(2026, 10, 11), null);
        var pro = new Subscription("S2", "A1", "P", new LocalDate(2026, 10, 12), null, "S1");
        var allowances = FreeMinutesAllowance.For([basic, pro], products, October);

        // 100 × 11/31 = 35.48 → 35 (Oct 1-11); 300 × 20/31 = 193.5 → 193 (Oct 12-31): each covers only its own days.
        Assert.Equal([("S1", 1, 11, 35), ("S2", 12, 31, 193)], allowances.Select(a => (a.SubscriptionId, a.From.Day, a.To.Day, a.Minutes)));
        Assert.Equal(300, Assert.Single(FreeMinutesAllowance.For([basic, pro], products, October.PlusMonths(1))).Minutes);
    }

    /// <summary>Seed 001: "Free monthly minutes must be used in the same month and cannot be saved to be used at a later time."</summary>
    [Fact]
    public void UnusedMinutes_OfOneSegment_DoNotCoverCallsOfAnother()
    {
        var allowances = new[]
        {
            new FreeMinutesAllowance("S1", new LocalDate(2026, 10, 1), new LocalDate(2026, 10, 11), 10),
            new FreeMinutesAllowance("S2", new LocalDate(2026, 10, 12), new LocalDate(2026, 10, 31), 1),
        };
        var calls = new[] { Calls.Domestic("A1", At(10, 20, 9), 600, 1_000) }; // 10 minutes on Oct 20: only S2's 1 minute covers it
        var credit = FreeMinutesCalculator.Compute("A1", October, allowances, calls, Toronto);
        Assert.Equal((60L, new Mills(100)), (credit.CoveredSeconds, credit.Credit));
    }
}
