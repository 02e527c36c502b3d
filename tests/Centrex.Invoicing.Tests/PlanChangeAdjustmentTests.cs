using Centrex.Invoicing.Ledger;
using Centrex.Invoicing.Subscriptions;
using Centrex.Invoicing.Tests.Support;
using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Invoicing.Tests;

/// <summary>
/// Issue 17, rules 2 and 3: "Plan changes and cancellations never double-charge or lose a credit, whatever the order in
/// which they are entered", with issued invoices left as they are and each correction an adjustment naming the invoice
/// it corrects.
/// </summary>
public sealed class PlanChangeAdjustmentTests : IDisposable
{
    private static readonly YearMonth September = new(2026, 9);
    private static readonly YearMonth October = new(2026, 10);
    private static readonly YearMonth November = new(2026, 11);
    private readonly Harness _h = new();

    public void Dispose() => _h.Dispose();

    private void Subscriptions(params string[] records) => _h.Import($$"""{ "format": "centrex-provisioning/1", "subscriptions": [ {{string.Join(", ", records)}} ] }""");

    /// <summary>
    /// Seed 001: "This issue only applies to new or changed services. After your first cycle you will be charged only 1
    /// month at a time on the 27th of the month for the following month." A same-price change on Oct 15 entered after
    /// October was billed in advance (Sep 27) once charged Oct 15-31 twice.
    /// </summary>
    [Fact]
    public void SamePriceChangeMidMonth_EnteredAfterOctoberWasBilledInAdvance_ChargesOct15To31Once()
    {
        _h.Import(Harness.Customer("C1", "A1"));
        Subscriptions("""{ "id": "S1", "account": "A1", "product": "P31", "start": "2026-09-01" }""");
        var september = _h.Bill(September).Invoices.Single();
        Assert.Contains(september.Subscriptions, c => c.Key == "sub:S1:2026-10" && c.Amount == new Mills(31_000));

        Subscriptions("""{ "id": "S1", "account": "A1", "product": "P31", "start": "2026-09-01", "end": "2026-10-14" }""",
                      """{ "id": "S2", "account": "A1", "product": "Q31", "start": "2026-10-15", "replaces": "S1" }""");
        var october = _h.Bill(October).Invoices.Single();

        var credit = Assert.Single(october.Subscriptions, c => c.Key == "sub:S1:2026-10");
        Assert.Equal((september.Number, new Mills(-17_000)), (credit.Corrects, credit.Amount)); // Oct 15-31: 17 of 31 days of 31.00
        Assert.Equal(new Mills(17_000), october.Subscriptions.Single(c => c.Key == "sub:S2:2026-10").Amount);
        Assert.Equal(new Mills(31_000), _h.Billed("C1", "sub:S1:2026-10") + _h.Billed("C1", "sub:S2:2026-10")); // October once
        var line = Assert.Single(File.ReadAllLines(Path.Combine(_h.Data, "invoices", "2026-10", "000002-C1.csv")), l => l.Contains(",adjustment,", StringComparison.Ordinal));
        Assert.Contains("Adjustment of invoice 000001: Plan 31: 14/31 days (credit; billed 31.000, now 14.000)", line, StringComparison.Ordinal);
        Assert.EndsWith(",-17.000", line, StringComparison.Ordinal);
    }

    /// <summary>
    /// Seed 001: "After your first cycle you will be charged only 1 month at a time on the 27th of the month for the
    /// following month." Ending a service on Oct 28, after November was billed in advance on the 27th, credits November
    /// (and Oct 29-31) on the next invoice, the October invoice staying as issued.
    /// </summary>
    [Fact]
    public void CancellationAfterThe27th_CreditsTheMonthBilledInAdvance_OnTheNextInvoice()
    {
        _h.Import(Harness.Customer("C1", "A1", requires911: true));
        Subscriptions("""{ "id": "S1", "account": "A1", "product": "P31", "start": "2026-09-01" }""");
        _h.Bill(September);
        var october = _h.Bill(October).Invoices.Single();
        var octoberCsv = File.ReadAllText(Path.Combine(_h.Data, "invoices", "2026-10", "000002-C1.csv"));

        Subscriptions("""{ "id": "S1", "account": "A1", "product": "P31", "start": "2026-09-01", "end": "2026-10-28" }""");
        var november = _h.Bill(November).Invoices.Single();

        var nov = Assert.Single(november.Subscriptions, c => c.Key == "sub:S1:2026-11");
        Assert.Equal((october.Number, new Mills(-31_000)), (nov.Corrects, nov.Amount));
        Assert.Equal(new Mills(-2_990), november.Subscriptions.Single(c => c.Key == "911:A1:2026-11").Amount);
        Assert.Equal(new Mills(-3_000), november.Subscriptions.Single(c => c.Key == "sub:S1:2026-10").Amount); // Oct 29-31
        Assert.Equal(new Mills(28_000), _h.Billed("C1", "sub:S1:2026-10"));
        Assert.Equal(Mills.Zero, _h.Billed("C1", "sub:S1:2026-11"));
        Assert.Equal(octoberCsv, File.ReadAllText(Path.Combine(_h.Data, "invoices", "2026-10", "000002-C1.csv")));
        Assert.All(_h.Ledger("C1").Where(e => e.InvoiceNumber == november.Number && e.ChargeKey?.StartsWith("sub:", StringComparison.Ordinal) == true),
            e => Assert.Equal(LedgerKind.Adjustment, e.Kind));
    }

    /// <summary>
    /// Seed 001, "Can I change my rate plans?": "If you change your current rate plan to a higher priced rate plan, the
    /// difference in price between your current rate plan and the new higher priced rate plan will be charged."
    /// </summary>
    [Fact]
    public void UpgradeOnOct12_ChargesTheDifferenceForItsDays()
    {
        _h.Import(Harness.Customer("C1", "A1"));
        Subscriptions("""{ "id": "S1", "account": "A1", "product": "P31", "start": "2026-09-01" }""");
        _h.Bill(September);
        Subscriptions("""{ "id": "S1", "account": "A1", "product": "P31", "start": "2026-09-01", "end": "2026-10-11" }""",
                      """{ "id": "S2", "account": "A1", "product": "P62", "start": "2026-10-12", "replaces": "S1" }""");
        var october = _h.Bill(October).Invoices.Single();

        var forOctober = october.Subscriptions.Where(c => c.ServiceFrom.Month == 10).Aggregate(Mills.Zero, (s, c) => s + c.Amount);
        Assert.Equal(new Mills(20_000), forOctober); // (62.00 − 31.00) × 20/31
        Assert.Contains(october.Subscriptions, c => c is { Kind: SubscriptionChargeKind.Upgrade, Key: "sub:S2:2026-10" } && c.Amount == new Mills(40_000));
        Assert.Equal(new Mills(62_000), october.Subscriptions.Single(c => c.Key == "sub:S2:2026-11").Amount);
    }

    /// <summary>
    /// Seed 001: "If you are changing to a lower priced rate plan, the change will only occur at the end of your current
    /// billing cycle." A request on Oct 12 is accepted, scheduled for Nov 1, and billed at the new price on Oct 27.
    /// </summary>
    [Fact]
    public void DowngradeAskedMidMonth_IsScheduledForThe1st_AndOctoberStaysAtTheOldPrice()
    {
        _h.Import(Harness.Customer("C1", "A1"));
        Subscriptions("""{ "id": "S1", "account": "A1", "product": "P62", "start": "2026-09-01" }""");
        _h.Bill(September);
        Subscriptions("""{ "id": "S1", "account": "A1", "product": "P62", "start": "2026-09-01", "end": "2026-10-11" }""",
                      """{ "id": "S2", "account": "A1", "product": "P10", "start": "2026-10-12", "replaces": "S1" }""");
        var october = _h.Bill(October).Invoices.Single();

        Assert.DoesNotContain(october.Subscriptions, c => c.IsAdjustment); // October was paid at 62.00 and stays so
        var november = Assert.Single(october.Subscriptions);
        Assert.Equal(("sub:S2:2026-11", SubscriptionChargeKind.Regular, new LocalDate(2026, 10, 27), new Mills(10_000)), (november.Key, november.Kind, november.PostedOn, november.Amount));
    }

    [Fact]
    public void SubscriptionEnteredLate_IsADebitAdjustmentOfTheInvoiceItShouldHaveBeenOn()
    {
        _h.Import(Harness.Customer("C1", "A1"));
        var september = _h.Bill(September).Invoices.Single();
        Subscriptions("""{ "id": "S1", "account": "A1", "product": "P31", "start": "2026-09-16" }""");
        var october = _h.Bill(October).Invoices.Single();

        var late = Assert.Single(october.Subscriptions, c => c.Key == "sub:S1:2026-09");
        Assert.Equal((september.Number, new Mills(15_500)), (late.Corrects, late.Amount)); // Sep 16-30: 15 of 30 days of 31.00
        Assert.Contains(october.Subscriptions, c => c is { Key: "sub:S1:2026-11", IsAdjustment: false });
    }

    [Fact]
    public void PaymentEnteredAfterItsMonthWasBilled_GoesOnTheNextInvoice_NotLost()
    {
        _h.Import(Harness.Customer("C1", "A1"));
        Subscriptions("""{ "id": "S1", "account": "A1", "product": "P31", "start": "2026-09-01" }""");
        var september = _h.Bill(September).Invoices.Single();
        _h.Import("""{ "format": "centrex-provisioning/1", "payments": [ { "id": "LATE", "customer": "C1", "received": "2026-09-25", "amount": "40.00", "method": "card", "reference": "found late" } ] }""");
        var october = _h.Bill(October).Invoices.Single();
        var november = _h.Bill(November).Invoices.Single();

        Assert.Contains(october.Payments, p => p.Payment.Id == "LATE");
        Assert.Equal(september.ClosingBalance + october.Total - new Mills(40_000), october.ClosingBalance);
        Assert.DoesNotContain(november.Payments, p => p.Payment.Id == "LATE"); // once
    }
}
