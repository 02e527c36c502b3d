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
        Assert.Equal(6, Directory.GetFiles(folder, "*.csv").Length);
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
