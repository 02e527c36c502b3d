using System.Globalization;
using Centrex.Invoicing.Rendering;
using Centrex.Invoicing.Sources;
using Centrex.Invoicing.Tests.Support;
using Centrex.Invoicing.Xdr;
using Centrex.Rating.Cdrs;
using Centrex.Rating.Money;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NodaTime;

namespace Centrex.Invoicing.Tests;

/// <summary>xDR reports written and read back: CSV with the xDR reader, XLSX with the OpenXml SDK, PDF with pdftotext.</summary>
public sealed class XdrReportTests : IDisposable
{
    private static readonly DateTimeZone Toronto = DateTimeZoneProviders.Tzdb["America/Toronto"];
    private readonly TempFolder _folder = new();
    private readonly List<RatedCdr> _calls = Calls.Month(["A1", "A2", "OTHER"], new YearMonth(2026, 10), 700, seed: 11);

    public void Dispose() => _folder.Dispose();

    private XdrSelection Selection => new("Customer C1 — Test Co", new HashSet<string>(["A1", "A2"]), Toronto, new LocalDate(2026, 10, 1), new LocalDate(2026, 10, 31), "CAD");

    private List<RatedCdr> Expected
    {
        get
        {
            var s = Selection;
            return [.. _calls.Where(c => s.Accounts.Contains(c.Account) && c.Start >= s.From && c.Start < s.To)];
        }
    }

    private (string Path, XdrSummary Summary) Write(XdrFormat format)
    {
        var path = System.IO.Path.Combine(_folder.Path, "report." + format.ToString().ToLowerInvariant());
        return (path, XdrReport.Write(new InMemoryRatedCdrSource(_calls), Selection, format, path, ProviderInfo.Default));
    }

    [Fact]
    public void Range_IsTheCustomersDays_BothIncluded()
    {
        var s = Selection;
        Assert.Equal(Instant.FromUtc(2026, 10, 1, 4, 0), s.From);   // midnight in Toronto (EDT, UTC−4)
        Assert.Equal(Instant.FromUtc(2026, 11, 1, 4, 0), s.To);     // the end of the 31st
    }

    [Fact]
    public void Csv_ReadsBackToExactlyTheSelectedCalls_AndTheSummaryAddsUp()
    {
        var (path, summary) = Write(XdrFormat.Csv);
        var read = XdrCsvReader.Read(path).ToList();
        Assert.Equal(Expected.Select(c => (c.Id, c.Start, c.Charge, c.Discount)), read.Select(c => (c.Id, c.Start, c.Charge, c.Discount)));
        Assert.Equal(Sum(Expected.Select(c => c.Net)), summary.All.Net);
        Assert.Equal(Expected.Count, summary.All.Calls);
        Assert.False(File.Exists(path + ".partial"));
    }

    [Fact]
    public void Xlsx_ReadBack_HasTypedCells_AFrozenStyledHeader_WidthsAndTheSummary()
    {
        var (path, summary) = Write(XdrFormat.Xlsx);
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Calls", "Summary"], sheets.Select(s => s.Name!.Value));
        var calls = ((WorksheetPart)workbook.GetPartById(sheets[0].Id!)).Worksheet;

        var pane = calls.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1d, pane.VerticalSplit!.Value);
        Assert.Equal(13, calls.Descendants<DocumentFormat.OpenXml.Spreadsheet.Column>().Count(c => c.CustomWidth! && c.Width! > 8));

        var rows = calls.Descendants<Row>().ToList();
        Assert.Equal(Expected.Count + 1, rows.Count);
        var header = rows[0].Elements<Cell>().ToList();
        Assert.All(header, c => Assert.Equal(XlsxStyles.Header, c.StyleIndex!.Value));
        Assert.Equal("Call id", header[0].InlineString!.InnerText);
        var styles = workbook.WorkbookStylesPart!.Stylesheet;
        var headerFormat = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)XlsxStyles.Header);
        Assert.True(styles.Fonts!.Elements<Font>().ElementAt((int)headerFormat.FontId!.Value).Bold is not null);

        long net = 0;
        for (var i = 0; i < Expected.Count; i++)
        {
            var cells = rows[i + 1].Elements<Cell>().ToList();
            var call = Expected[i];
            Assert.Equal(call.Id, cells[0].InlineString!.InnerText);

            // The start is a number with the date-time style: days since 1899-12-30 in the customer's zone.
            Assert.Null(cells[4].DataType);
            Assert.Equal(XlsxStyles.DateTime, cells[4].StyleIndex!.Value);
            var serial = decimal.Parse(cells[4].CellValue!.Text, CultureInfo.InvariantCulture);
            var local = new LocalDateTime(1899, 12, 30, 0, 0).PlusSeconds((long)Math.Round(serial * 86_400m));
            Assert.Equal(call.Start.InZone(Toronto).LocalDateTime.PlusNanoseconds(-call.Start.InZone(Toronto).LocalDateTime.NanosecondOfSecond), local);

            Assert.Equal(call.BilledSeconds, long.Parse(cells[6].CellValue!.Text, CultureInfo.InvariantCulture));
            Assert.Equal(XlsxStyles.Money, cells[12].StyleIndex!.Value);
            net += (long)(decimal.Parse(cells[12].CellValue!.Text, CultureInfo.InvariantCulture) * 1000m);
        }

        Assert.Equal(summary.All.Net.Value, net);
        var summarySheet = ((WorksheetPart)workbook.GetPartById(sheets[1].Id!)).Worksheet;
        var total = summarySheet.Descendants<Row>().Last().Elements<Cell>().ToList();
        Assert.Equal("Total", total[0].InnerText);
        Assert.Equal(Expected.Count, long.Parse(total[1].CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal(summary.All.Net.ToString(), total[5].CellValue!.Text);
    }

    [Fact]
    public void Pdf_ReadBack_OpensWithTheSummary_ThenEveryCall_WithPageNumbers()
    {
        var (path, summary) = Write(XdrFormat.Pdf);
        var text = Pdf.ToText(path);
        var pages = Pdf.Pages(text);
        Assert.Contains("xDR REPORT", text, StringComparison.Ordinal);
        Assert.Contains("Customer C1 — Test Co", text, StringComparison.Ordinal);
        Assert.Matches($@"Total\s+{summary.All.Calls:N0}\s+{Esc(Amounts.Minutes(summary.All.BilledSeconds))}\s+{Esc(Amounts.Mills(summary.All.Charge))}\s+{Esc(Amounts.Mills(-summary.All.Discount))}\s+{Esc(Amounts.Mills(summary.All.Net))}", text);
        Assert.Contains($"Calls ({Expected.Count:N0}, times in America/Toronto)", text, StringComparison.Ordinal);
        var first = Expected[0];
        Assert.Contains(first.Start.InZone(Toronto).LocalDateTime.ToString("uuuu-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.Contains($"Page {pages} of {pages}", text, StringComparison.Ordinal);
        Assert.True(pages > 10);
    }

    [Fact]
    public void Xlsx_TextIsEscaped_AndCharactersXmlCannotCarryAreReplaced()
    {
        _calls.Clear();
        _calls.Add(Calls.Make("A1", Instant.FromUtc(2026, 10, 5, 12, 0), 60, Rating.Numbering.NumberClass.International, "44", "R&D <lab> \"x\" \u0001 é 😀", "442071234567", 10));
        var (path, _) = Write(XdrFormat.Xlsx);
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var sheet = document.WorkbookPart!.WorksheetParts.Select(p => p.Worksheet).First(w => w.Descendants<Row>().Count() == 2);
        Assert.Equal("R&D <lab> \"x\" \uFFFD é 😀", sheet.Descendants<Row>().Last().Elements<Cell>().ElementAt(9).InlineString!.InnerText);
    }

    [Fact]
    public void FailedReport_LeavesNoFile()
    {
        var path = System.IO.Path.Combine(_folder.Path, "broken.xlsx");
        var failing = new InMemoryRatedCdrSource([.. _calls.Take(10), null!]);
        Assert.ThrowsAny<Exception>(() => XdrReport.Write(failing, Selection with { Accounts = new HashSet<string>(["A1", "A2", "OTHER"]) }, XdrFormat.Xlsx, path, ProviderInfo.Default));
        Assert.Empty(Directory.GetFiles(_folder.Path));
    }

    private static Mills Sum(IEnumerable<Mills> amounts) => amounts.Aggregate(Mills.Zero, (a, b) => a + b);

    private static string Esc(string s) => System.Text.RegularExpressions.Regex.Escape(s);
}
