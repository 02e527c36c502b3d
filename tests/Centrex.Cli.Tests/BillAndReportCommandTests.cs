using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Centrex.Invoicing.Tests.Support;

namespace Centrex.Cli.Tests;

/// <summary>
/// The finance commands end to end on real files: provision, rate into the ledger, bill, report and invoice, as an
/// operator runs them. Shared by the tests below because rating and billing a month is the expensive part.
/// </summary>
public sealed class BillAndReportCommandTests : IClassFixture<BillAndReportCommandTests.BilledMonth>
{
    private readonly BilledMonth _month;

    public BillAndReportCommandTests(BilledMonth month) => _month = month;

    private string Data => _month.Data;

    [Fact]
    public void Bill_WritesOnePdfAndOneCsvPerCustomer_AndASummary()
    {
        var run = _month.Bill;
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("centrex bill: 2026-10 billed", run.Error, StringComparison.Ordinal);
        Assert.Matches(@"customers billed\s+6\s+invoices 000001 to 000006", run.Error);
        Assert.Contains("invoices 000001 to 000006", run.Error, StringComparison.Ordinal);
        Assert.Contains("invoices/s", run.Error, StringComparison.Ordinal);
        var folder = Path.Combine(Data, "invoices", "2026-10");
        Assert.Equal(6, Directory.GetFiles(folder, "*.pdf").Length);
        Assert.Equal(6, Directory.GetFiles(folder, "??????-CUST-??.csv").Length);
        Assert.Contains("email is not configured (centrex mail configure): messages wait in the outbox", run.Error, StringComparison.Ordinal);
        var text = Pdf.ToText(Path.Combine(folder, "000004-CUST-ON.pdf"));
        Assert.Contains("Lakeshore Dental Group", text, StringComparison.Ordinal);
        Assert.Matches(@"HST 13%", text);
    }

    [Fact]
    public void Bill_Rerun_ChangesNothing_AndSaysSo()
    {
        var folder = Path.Combine(Data, "invoices", "2026-10");
        var before = Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).Select(Convert.ToHexString).ToList();
        var run = CliRun.Invoke("bill", "--data", Data, "--period", "2026-10");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2026-10 was already billed", run.Error, StringComparison.Ordinal);
        Assert.Contains("nothing changed", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).Select(Convert.ToHexString).ToList());
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("October")]
    public void Bill_BadPeriod_IsBadUsage(string period)
    {
        var run = CliRun.Invoke("bill", "--data", Data, "--period", period);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("YYYY-MM", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CUST-QC")]
    [InlineData("CUST-ON")]
    [InlineData("CUST-NS")]
    public void Reconciliation_InvoiceUsageEqualsTheRatedChargesOfTheXdrReport(string customer)
    {
        var report = _month.File($"{customer}.csv");
        var run = CliRun.Invoke("report", "xdr", "--data", Data, "--customer", customer, "--from", "2026-10-01", "--to", "2026-10-31", "--format", "csv", "--out", report);
        Assert.Equal(0, run.ExitCode);
        var charges = File.ReadLines(report).Skip(1).Sum(l => Mills(l.Split(',')[^3]));

        var invoice = Directory.GetFiles(Path.Combine(Data, "invoices", "2026-10"), $"*-{customer}.csv").Single();
        var usage = File.ReadLines(invoice).Skip(1).Where(l => l.Split(',')[3] == "usage").Sum(l => Mills(l[(l.LastIndexOf(',') + 1)..]));
        Assert.Equal(charges, usage);
        Assert.True(usage > 0);
    }

    [Fact]
    public void ReportXdr_Xlsx_ReadsBackWithTheSameRowsAndTotalAsTheCsv()
    {
        var csv = _month.File("acc.csv");
        var xlsx = _month.File("acc.xlsx");
        Assert.Equal(0, CliRun.Invoke("report", "xdr", "--data", Data, "--account", "ACC-1002", "--from", "2026-10-01", "--to", "2026-10-31", "--format", "csv", "--out", csv).ExitCode);
        var run = CliRun.Invoke("report", "xdr", "--data", Data, "--account", "ACC-1002", "--from", "2026-10-01", "--to", "2026-10-31", "--format", "xlsx", "--out", xlsx);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("report: " + xlsx, run.Error, StringComparison.Ordinal);

        var csvRows = File.ReadLines(csv).Skip(1).Select(l => l.Split(',')).ToList();
        using var document = SpreadsheetDocument.Open(xlsx, isEditable: false);
        var sheet = document.WorkbookPart!.WorksheetParts.Select(p => p.Worksheet).First(w => w.Descendants<Row>().Count() > 10);
        var rows = sheet.Descendants<Row>().Skip(1).Select(r => r.Elements<Cell>().ToList()).ToList();
        Assert.Equal(csvRows.Count, rows.Count);
        Assert.Equal(csvRows.Sum(f => Mills(f[^1])), rows.Sum(c => Mills(c[12].CellValue!.Text)));
        Assert.Equal(csvRows.Select(f => f[0]), rows.Select(c => c[0].InnerText));
    }

    [Fact]
    public void ReportXdr_Pdf_HasTheSummary()
    {
        var pdf = _month.File("qc.pdf");
        var run = CliRun.Invoke("report", "xdr", "--data", Data, "--customer", "CUST-QC", "--from", "2026-10-01", "--to", "2026-10-31", "--format", "pdf", "--out", pdf);
        Assert.Equal(0, run.ExitCode);
        var text = Pdf.ToText(pdf);
        Assert.Contains("xDR REPORT", text, StringComparison.Ordinal);
        Assert.Contains("Customer CUST-QC — Boulangerie Tremblay inc.", text, StringComparison.Ordinal);
        Assert.Matches(@"Total\s+[\d,]+\s+[\d,.]+\s+[\d,.]+", text);
    }

    [Theory]
    [InlineData("--from", "2026-10-31", "--to", "2026-10-01", "before --from")]
    [InlineData("--from", "1 Oct", "--to", "2026-10-31", "YYYY-MM-DD")]
    public void ReportXdr_BadRange_IsBadUsage(string a, string b, string c, string d, string message)
    {
        var run = CliRun.Invoke("report", "xdr", "--data", Data, "--customer", "CUST-QC", a, b, c, d, "--out", _month.File("x.csv"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportXdr_UnknownCustomer_IsBadUsage_AndNeitherOrBothSelectorsAreRefused()
    {
        Assert.Contains("is not provisioned", CliRun.Invoke("report", "xdr", "--data", Data, "--customer", "NOPE", "--from", "2026-10-01", "--to", "2026-10-31", "--out", _month.File("y.csv")).Error, StringComparison.Ordinal);
        Assert.Equal(2, CliRun.Invoke("report", "xdr", "--data", Data, "--from", "2026-10-01", "--to", "2026-10-31", "--out", _month.File("y.csv")).ExitCode);
        Assert.Equal(2, CliRun.Invoke("report", "xdr", "--data", Data, "--customer", "CUST-QC", "--account", "ACC-1001", "--from", "2026-10-01", "--to", "2026-10-31", "--out", _month.File("y.csv")).ExitCode);
    }

    [Fact]
    public void InvoiceList_ShowsPartiallyPaid_ThenOverduePastTheDueDate()
    {
        var before = CliRun.Invoke("invoice", "list", "--data", Data, "--customer", "CUST-NS", "--as-of", "2026-11-15");
        Assert.Equal(0, before.ExitCode);
        Assert.Matches(@"CUST-NS\s+2026-10\s+2026-11-30\s+[\d,.]+\s+[\d,.]+\s+100\.00 Partially Paid", before.Out);
        var after = CliRun.Invoke("invoice", "list", "--data", Data, "--customer", "CUST-NS", "--as-of", "2026-12-01");
        Assert.Contains("Overdue", after.Out, StringComparison.Ordinal);
        var all = CliRun.Invoke("invoice", "list", "--data", Data, "--as-of", "2026-11-15");
        Assert.Contains("N/A", all.Out, StringComparison.Ordinal); // the prepaid customer's statement
    }

    /// <summary>Self-care manual, Invoices: "A particular invoice can be found either by entering its number or by selecting a date range".</summary>
    [Fact]
    public void InvoiceList_FindsByNumber_AndByDateRange()
    {
        var one = CliRun.Invoke("invoice", "list", "--data", Data, "--number", "3", "--as-of", "2026-11-15");
        Assert.Equal(0, one.ExitCode);
        var rows = one.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.StartsWith("000003   CUST-NS", Assert.Single(rows), StringComparison.Ordinal);
        Assert.Equal(6, CliRun.Invoke("invoice", "list", "--data", Data, "--from", "2026-10-31", "--to", "2026-10-31").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
        Assert.Single(CliRun.Invoke("invoice", "list", "--data", Data, "--from", "2026-11-01").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(2, CliRun.Invoke("invoice", "list", "--data", Data, "--from", "31-10-2026").ExitCode);
    }

    /// <summary>
    /// Seed 004, Transactions: "Transactions (calls, payments, refunds, subscription charges, etc.) serve as the primary
    /// record of services provided to you. This screen allows you to view and download transaction records – for any
    /// desired time period and service."
    /// </summary>
    [Fact]
    public void Transactions_ListEveryMovement_WithTotalsPerService_CallsAgreeWithTheXdrReport()
    {
        var output = _month.File("ns-transactions.csv");
        var run = CliRun.Invoke("transactions", "--data", Data, "--customer", "CUST-NS", "--from", "2026-10-01", "--to", "2026-10-31", "--format", "csv", "--out", output);
        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(output);
        Assert.Equal("date,service,account,description,reference,invoice,quantity,unit,amount", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("2026-10-28,payments,,Payment PAY-3 by bank-transfer (Wire 20261028-118),PAY-3,000003,1,each,-100.000", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2026-10-28,fees,,Wire transfer processing fee (payment PAY-3),wire:PAY-3,000003,1,each,15.000", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",subscriptions,ACC-1003,", StringComparison.Ordinal));

        var xdr = CliRun.Invoke("report", "xdr", "--data", Data, "--customer", "CUST-NS", "--from", "2026-10-01", "--to", "2026-10-31", "--out", _month.File("ns.csv"));
        var calls = lines.Skip(1).Where(l => l.Split(',')[1] == "calls").ToList();
        Assert.Equal(System.Text.RegularExpressions.Regex.Match(xdr.Error, @"total\s+([\d,]+)").Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal), calls.Count.ToString(CultureInfo.InvariantCulture));
        var net = System.Text.RegularExpressions.Regex.Match(xdr.Error, @"total\s+[\d,]+\s+[\d,.]+\s+[\d,.]+\s+[\d,.]+\s+([\d,.]+)").Groups[1].Value;
        Assert.Equal(Mills(net.Replace(",", string.Empty, StringComparison.Ordinal)), calls.Sum(l => Mills(l[(l.LastIndexOf(',') + 1)..])));
        Assert.Matches($@"calls\s+{calls.Count:N0}\s+[\d,]+ s\s+{System.Text.RegularExpressions.Regex.Escape(net)}", run.Error);
        Assert.Matches(@"payments\s+1\s+1\s+-100\.000", run.Error);

        var onlyFees = CliRun.Invoke("transactions", "--data", Data, "--customer", "CUST-NS", "--from", "2026-10-01", "--to", "2026-10-31", "--service", "fees");
        Assert.Equal(2, onlyFees.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(2, CliRun.Invoke("transactions", "--data", Data, "--customer", "NOPE", "--from", "2026-10-01", "--to", "2026-10-31").ExitCode);
    }

    private static long Mills(string amount) => (long)(decimal.Parse(amount, CultureInfo.InvariantCulture) * 1000m);

    /// <summary>The sample provisioning, a generated October rated into the ledger, billed once.</summary>
    public sealed class BilledMonth : IDisposable
    {
        private readonly TempFolder _folder = new();

        public BilledMonth()
        {
            Data = _folder.File("data");
            Assert.Equal(0, CliRun.Invoke("provision", "import", "--data", Data, SampleProvisioning.Path).ExitCode);
            var gen = _folder.File("gen");
            Assert.Equal(0, CliRun.Invoke("generate", "--out", gen, "--rows", "6000", "--accounts", "6", "--month", "2026-10").ExitCode);
            var rate = CliRun.Invoke("rate", "--data", Data, "--tariff", Path.Combine(gen, "tariff.csv"), "--cdrs", Path.Combine(gen, "cdrs.csv"),
                "--out", Path.Combine(gen, "rated.csv"), "--rejects", Path.Combine(gen, "rejects.csv"));
            Assert.Equal(0, rate.ExitCode);
            Bill = CliRun.Invoke("bill", "--data", Data, "--period", "2026-10");
        }

        public string Data { get; }

        internal CliRun Bill { get; }

        public string File(string name) => _folder.File(name);

        public void Dispose() => _folder.Dispose();
    }
}
