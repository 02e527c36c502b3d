using System.Globalization;
using Centrex.Invoicing.Cycle;
using Centrex.Invoicing.Invoices;
using Centrex.Invoicing.Rendering;
using Centrex.Invoicing.Sources;
using Centrex.Invoicing.Store;
using Centrex.Invoicing.Taxes;
using Centrex.Invoicing.Tests.Support;
using Centrex.Ledger;
using Centrex.Rating.Cdrs;
using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Invoicing.Tests;

/// <summary>
/// The whole cycle over the sample provisioning and a month of calls in the real journal: reconciliation, the ledger,
/// reruns, corrections, and the PDF and CSV invoices read back.
/// </summary>
public sealed class BillingCycleTests : IDisposable
{
    private static readonly YearMonth October = new(2026, 10);
    private static readonly string[] SampleAccounts = ["ACC-1001", "ACC-1002", "ACC-1003", "ACC-1004", "ACC-1005", "ACC-1006"];
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private (BillingRunResult Result, List<RatedCdr> Calls) BillSampleOctober(int perAccount = 300)
    {
        Billing.ImportSample(_folder.Path);
        var calls = Calls.Month([.. SampleAccounts, "ACC-UNKNOWN"], October, perAccount, seed: 7);
        Journal.Append(_folder.Path, calls);
        return (Run(October, FixedClock.At(2026, 11, 5)), calls);
    }

    private BillingRunResult Run(YearMonth period, IClock clock)
    {
        using var ledger = LedgerStore.Open(_folder.Path);
        return new BillingCycle(_folder.Path, new LedgerJournalSource(ledger), clock, BillingRules.Default, TaxTable.Default, ProviderInfo.Default).Run(period);
    }

    [Fact]
    public void Reconciliation_UsageOfEveryInvoiceIsTheSumOfItsRatedCharges_AndNoCallIsLost()
    {
        var (result, calls) = BillSampleOctober();
        long billed = 0;
        foreach (var invoice in result.Invoices)
        {
            var (start, end) = InvoiceBuilder.Bounds(invoice.Customer, October);
            var accounts = invoice.Accounts.Select(a => a.Id).ToHashSet();
            var mine = calls.Where(c => accounts.Contains(c.Account) && c.Start >= start && c.Start < end).ToList();
            Assert.Equal(Sum(mine.Select(c => c.Charge)), invoice.UsageCharges);
            Assert.Equal(Sum(mine.Select(c => c.Discount)), invoice.VolumeDiscounts);
            Assert.Equal(Sum(invoice.Usage.Select(u => u.Charge)), invoice.UsageCharges);
            Assert.Equal(mine.Count, invoice.Usage.Sum(u => u.Calls));
            billed += mine.Count;
        }

        Assert.Equal(billed, result.Calls);
        Assert.Equal(calls.Count(c => c.Account == "ACC-UNKNOWN" && c.Start.InUtc().Month == 10), result.UnprovisionedCalls);
    }

    [Fact]
    public void Ledger_BalancesToTheMill_EveryEntryAddsUpToTheInvoices()
    {
        var (result, _) = BillSampleOctober();
        using var store = BillingStore.Open(_folder.Path);
        var balances = store.Balances();
        foreach (var invoice in result.Invoices)
        {
            var entries = store.Ledger(invoice.Customer.Id);
            Assert.Equal(invoice.ClosingBalance, Sum(entries.Select(e => e.Amount)));
            Assert.Equal(invoice.ClosingBalance, balances.GetValueOrDefault(invoice.Customer.Id));
            Assert.Equal(invoice.Total, Sum(entries.Where(e => e.Kind is not (Ledger.LedgerKind.Payment or Ledger.LedgerKind.Refund)).Select(e => e.Amount)));

            // The amount due is the balance rounded half up to the cent; the sub-cent remainder stays on the balance.
            Assert.Equal(MoneyRounding.HalfUpToCent(invoice.ClosingBalance), invoice.AmountDue);
            Assert.Equal(0, invoice.AmountDue.Value % 10);
            Assert.InRange(invoice.ClosingBalance.Value - invoice.AmountDue.Value, -5, 4);
        }

        Assert.Equal(result.Run.Total, Sum(result.Invoices.Select(i => i.Total)));
    }

    [Fact]
    public void Rerun_OfAnIssuedPeriod_ChangesNothing_AndSaysSo()
    {
        var (first, _) = BillSampleOctober(50);
        var files = Snapshot(first.InvoiceFolder);
        int ledgerEntries;
        using (var store = BillingStore.Open(_folder.Path))
        {
            ledgerEntries = store.Ledger().Count;
        }

        Journal.Append(_folder.Path, [Calls.Domestic("ACC-1001", Instant.FromUtc(2026, 10, 15, 12, 0), 60, 999)]); // a late call
        var again = Run(October, FixedClock.At(2026, 11, 20));

        Assert.True(again.AlreadyBilled);
        Assert.Empty(again.Invoices);
        Assert.Equal(first.Run with { }, again.Run);
        Assert.Equal(files, Snapshot(first.InvoiceFolder));
        using var after = BillingStore.Open(_folder.Path);
        Assert.Equal(ledgerEntries, after.Ledger().Count);
        Assert.Equal(6, after.Invoices().Count);
    }

    [Fact]
    public void Invoices_AreNumberedWithoutGaps_OnePdfAndOneCsvPerCustomer()
    {
        var (result, _) = BillSampleOctober(20);
        Assert.Equal([1L, 2, 3, 4, 5, 6], result.Invoices.Select(i => i.Number));
        Assert.Equal(6, Directory.GetFiles(result.InvoiceFolder, "*.pdf").Length);
        Assert.Equal(6, Directory.GetFiles(result.InvoiceFolder, "*.csv").Count(f => !f.EndsWith(".xdr.csv", StringComparison.Ordinal) && !f.EndsWith(".summary.csv", StringComparison.Ordinal)));
        Assert.EndsWith(Path.Combine("invoices", "2026-10"), result.InvoiceFolder, StringComparison.Ordinal);

        Billing.Import(_folder.Path, """{ "format": "centrex-provisioning/1", "payments": [] }""");
        var november = Run(October.PlusMonths(1), FixedClock.At(2026, 12, 2));
        Assert.Equal([7L, 8, 9, 10, 11, 12], november.Invoices.Select(i => i.Number));
    }

    [Fact]
    public void PeriodNotOver_OrOutOfOrder_IsRefusedAndChangesNothing()
    {
        Billing.ImportSample(_folder.Path);
        var early = Assert.Throws<BillingException>(() => Run(October, FixedClock.At(2026, 10, 31)));
        Assert.Contains("is not over yet", early.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "invoices", "2026-10")));

        Run(October, FixedClock.At(2026, 11, 5));
        var skipped = Assert.Throws<BillingException>(() => Run(October.PlusMonths(2), FixedClock.At(2027, 1, 5)));
        Assert.Contains("bill 2026-11 first", skipped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PdfInvoice_ReadBack_ShowsTheTotalsTaxesPeriodAndPageNumbers()
    {
        var (result, _) = BillSampleOctober(400);
        var qc = result.Invoices.Single(i => i.Customer.Id == "CUST-QC");
        var text = Pdf.ToText(Path.Combine(result.InvoiceFolder, "000005-CUST-QC.pdf"));
        var pages = Pdf.Pages(text);

        Assert.Contains("Centrex Communications Inc.", text, StringComparison.Ordinal);
        Assert.Contains("Boulangerie Tremblay inc.", text, StringComparison.Ordinal);
        Assert.Matches(@"Invoice number\s+000005", text);
        Assert.Matches(@"Billing period\s+2026-10-01 to 2026-10-31", text);
        Assert.Matches(@"Due date\s+2026-11-30", text);
        Assert.Matches($@"Total this period\s+{Escape(Amounts.Mills(qc.Total))}", text);
        Assert.Matches($@"Amount due \(rounded to the cent\)\s+CAD {Escape(Amounts.Cents(qc.AmountDue))}", text);
        Assert.Matches($@"Previous balance\s+{Escape(Amounts.BalanceWithExact(qc.PreviousBalance))}", text);
        Assert.Matches(@"PAY-1\s+card\s+VISA \*\*\*\*4242", text);
        foreach (var tax in qc.Taxes)
        {
            Assert.Matches($@"{Escape(tax.Tax)} {Escape(tax.RateText)} on {Escape(Amounts.Mills(tax.Base))}\s+{Escape(Amounts.Mills(tax.Amount))}", text);
        }

        Assert.Equal(["GST", "QST"], qc.Taxes.Select(t => t.Tax));
        Assert.Contains("Call detail (", text, StringComparison.Ordinal);
        Assert.Contains($"Page 1 of {pages}", text, StringComparison.Ordinal);
        Assert.Contains($"Page {pages} of {pages}", text, StringComparison.Ordinal);
        Assert.True(pages >= 3, $"a month of calls with full statistics takes detail pages ({pages})");

        // A "none" statistics customer gets the summary without per-call pages; outside Canada, no Canadian tax.
        var us = Pdf.ToText(Path.Combine(result.InvoiceFolder, "000006-CUST-US.pdf"));
        Assert.DoesNotContain("Call detail", us, StringComparison.Ordinal);
        Assert.Contains("Taxes (service outside Canada: none)", us, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvInvoice_HasTheDocumentedColumns_AndItsLinesAddUpToTheTotal()
    {
        var (result, _) = BillSampleOctober(100);
        foreach (var invoice in result.Invoices)
        {
            var file = Path.Combine(result.InvoiceFolder, $"{PdfInvoiceRenderer.InvoiceNumber(invoice.Number)}-{invoice.Customer.Id}.csv");
            var lines = File.ReadAllLines(file);
            Assert.Equal(CsvInvoiceRenderer.Header, lines[0]);
            var rows = lines.Skip(1).Select(l => (Section: Field(l, 3), Amount: long.Parse(l[(l.LastIndexOf(',') + 1)..].Replace(".", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture))).ToList();
            long Of(params string[] sections) => rows.Where(r => sections.Contains(r.Section)).Sum(r => r.Amount);
            Assert.Equal(invoice.TaxableSubtotal.Value, Of("subscription", "emergency-911", "fee", "adjustment", "usage", "volume-discount", "free-minutes-credit"));
            Assert.Equal(invoice.Total.Value, Of("subtotal", "tax"));
            Assert.Equal(invoice.Total.Value, Of("total"));
            Assert.Equal(invoice.ClosingBalance.Value, Of("previous-balance", "payment", "refund", "total"));
            Assert.Equal(invoice.AmountDue.Value, Of("amount-due"));
        }

        static string Field(string line, int index) => line.Split(',')[index];
    }

    [Fact]
    public void NovaScotiaHst_Is15PercentForMarch2025_And14ForApril()
    {
        Billing.Import(_folder.Path, """
            { "format": "centrex-provisioning/1",
              "customers": [ { "id": "NS", "company": "Halifax Co", "contact": "C", "email": "c@x.example",
                "address": { "street": "1 Water St", "city": "Halifax", "province": "NS", "country": "CA", "postal_code": "B3J 1S7" },
                "currency": "CAD", "time_zone": "America/Halifax", "send_statistic": "summary" } ],
              "accounts": [ { "id": "NS-1", "customer": "NS", "type": "credit", "credit_limit": "100.00", "requires_911": false } ],
              "products": [ { "id": "P", "name": "Plan", "monthly_fee": "100.00", "free_north_america_minutes": 0 } ],
              "subscriptions": [ { "id": "S", "account": "NS-1", "product": "P", "start": "2025-02-01" } ] }
            """);
        var march = Run(new YearMonth(2025, 3), FixedClock.At(2025, 4, 2)).Invoices.Single();
        var april = Run(new YearMonth(2025, 4), FixedClock.At(2025, 5, 2)).Invoices.Single();

        // Each invoice charges the next month's fee on the 27th (billed in advance): 100.00 taxed at the rate of the invoice date.
        Assert.Equal(new Mills(15_000), march.Taxes.Single().Amount);
        Assert.Equal("HST", march.Taxes.Single().Tax);
        Assert.Equal(new Mills(14_000), april.Taxes.Single().Amount);
    }

    [Fact]
    public void VoidAndReissue_VoidsTheInvoice_ReversesItsLedger_AndIssuesTheNextNumber()
    {
        var (result, _) = BillSampleOctober(30);
        var old = result.Invoices.Single(i => i.Customer.Id == "CUST-US");
        Journal.Append(_folder.Path, [Calls.International("ACC-1006", Instant.FromUtc(2026, 10, 20, 15, 0), 600, 12_345)]); // a call found late
        Invoice reissued;
        using (var ledger = LedgerStore.Open(_folder.Path))
        {
            var cycle = new BillingCycle(_folder.Path, new LedgerJournalSource(ledger), FixedClock.At(2026, 11, 10), BillingRules.Default, TaxTable.Default, ProviderInfo.Default);
            reissued = cycle.VoidAndReissue(old.Number, "late CDR from the carrier");
            Assert.Throws<BillingException>(() => cycle.VoidAndReissue(old.Number, "again"));
        }

        Assert.Equal(7, reissued.Number);
        Assert.Equal(old.Number, reissued.Replaces);
        Assert.Equal(old.UsageCharges + new Mills(12_345), reissued.UsageCharges);
        using var store = BillingStore.Open(_folder.Path);
        Assert.True(store.Invoices("CUST-US").Single(i => i.Number == old.Number).Void);
        Assert.Equal(Mills.Zero, Sum(store.Ledger("CUST-US").Where(e => e.InvoiceNumber == old.Number).Select(e => e.Amount)));
        Assert.Equal(reissued.ClosingBalance, store.Balances()["CUST-US"]);
        Assert.True(File.Exists(Path.Combine(result.InvoiceFolder, "000007-CUST-US.pdf")));
        Assert.Contains("Replaces void invoice", Pdf.ToText(Path.Combine(result.InvoiceFolder, "000007-CUST-US.pdf")), StringComparison.Ordinal);
    }

    [Fact]
    public void PartialPayment_ThenOverdue_OnTheIssuedInvoices()
    {
        var (result, _) = BillSampleOctober(30);
        using var provisioning = Provisioning.Store.ProvisioningStore.Open(_folder.Path);
        using var store = BillingStore.Open(_folder.Path);
        var payments = provisioning.Load().Payments;
        var ns = store.Invoices("CUST-NS");
        var nsPayments = payments.Where(p => p.CustomerId == "CUST-NS").ToList();

        // PAY-3 (100.00) was received in October, before the invoice: it goes to the oldest unpaid invoice, this one.
        var beforeDue = InvoiceStatusCalculator.Compute(ns, nsPayments, new LocalDate(2026, 11, 30)).Single();
        Assert.Equal(InvoiceStatus.PartiallyPaid, beforeDue.Status);
        Assert.Equal(new Mills(100_000), beforeDue.Paid);
        var afterDue = InvoiceStatusCalculator.Compute(ns, nsPayments, new LocalDate(2026, 12, 1)).Single();
        Assert.Equal(InvoiceStatus.Overdue, afterDue.Status);

        var us = store.Invoices("CUST-US");
        Assert.Equal(InvoiceStatus.Unpaid, InvoiceStatusCalculator.Compute(us, [], new LocalDate(2026, 11, 5)).Single().Status);
        var bc = store.Invoices("CUST-BC");
        Assert.Equal(InvoiceStatus.NotApplicable, InvoiceStatusCalculator.Compute(bc, [], new LocalDate(2026, 12, 5)).Single().Status); // prepaid
        Assert.NotNull(result);
    }

    /// <summary>
    /// Issue 17, rule 6. Seed 004, General, Send Statistic: "Full Statistics – Send a CSV file with a complete list of
    /// xDRs. Summary Only – Do not send a full list of xDRs, only a brief summary. Do Not Send – This option prevents the
    /// delivery of event statistics to the customer via email."
    /// </summary>
    [Fact]
    public void SendStatistic_Full_Summary_None_DecideTheStatisticsFileThatGoesWithTheInvoice()
    {
        var (result, _) = BillSampleOctober(40);
        var qc = result.Invoices.Single(i => i.Customer.Id == "CUST-QC"); // full
        var xdr = File.ReadAllLines(Path.Combine(result.InvoiceFolder, "000005-CUST-QC.xdr.csv"));
        Assert.Equal(string.Join(",", Xdr.XdrCsvFormat.Header), xdr[0]);
        Assert.Equal(qc.Calls.Count, xdr.Length - 1);
        Assert.False(File.Exists(Path.Combine(result.InvoiceFolder, "000005-CUST-QC.summary.csv")));

        var bc = result.Invoices.Single(i => i.Customer.Id == "CUST-BC"); // summary
        var summary = File.ReadAllLines(Path.Combine(result.InvoiceFolder, "000002-CUST-BC.summary.csv"));
        Assert.Equal(StatisticsFile.SummaryHeader, summary[0]);
        Assert.Equal(bc.Usage.Count + 2, summary.Length);
        Assert.EndsWith($",total,,{bc.Calls.Count},{bc.Calls.Sum(c => c.BilledSeconds)},{bc.UsageCharges},{bc.VolumeDiscounts},{bc.UsageCharges - bc.VolumeDiscounts}", summary[^1], StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(result.InvoiceFolder, "000002-CUST-BC.xdr.csv")));

        Assert.Empty(Directory.GetFiles(result.InvoiceFolder, "000006-CUST-US.*.csv")); // none
    }

    private static List<string> Snapshot(string folder) =>
        [.. Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(f => f + " " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))))];

    private static Mills Sum(IEnumerable<Mills> amounts) => amounts.Aggregate(Mills.Zero, (a, b) => a + b);

    private static string Escape(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
