using System.Globalization;
using System.IO.Packaging;
using System.Xml;
using Centrex.Rating.Cdrs;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NodaTime;

namespace Centrex.Invoicing.Xdr;

/// <summary>
/// The XLSX report (DocumentFormat.OpenXml): a "Calls" sheet with one typed row per call (numbers as numbers, start times
/// as Excel date-times in the customer's zone, money to the mill), a frozen styled header row with an auto-filter and
/// set column widths, then a "Summary" sheet. Rows are streamed with the SAX-style <see cref="OpenXmlWriter"/> into a
/// package opened write-only, so the zip entries are compressed as they are written and memory stays flat however
/// many calls there are (no DOM, no shared-string table: text cells are inline strings).
/// </summary>
public sealed class XdrXlsxWriter : IXdrWriter
{
    // Excel's serial date: days since 1899-12-30 (Excel's 1900 leap-year bug makes day 0 fall there); 1970-01-01 is 25,569.
    private const long UnixEpochSerial = 25_569;

    private readonly XdrSelection _selection;
    private readonly Package _package;
    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbook;
    private readonly WorksheetPart _calls;
    private readonly OpenXmlWriter _writer;
    private readonly Row _row = new();
    private readonly Cell[] _cells;
    private readonly char[] _serial = new char[32];
    private long _rows;
    private bool _finished;

    /// <summary>Starts the workbook on <paramref name="output"/> (written to in order, never read or sought).</summary>
    public XdrXlsxWriter(Stream output, XdrSelection selection)
    {
        _selection = selection;
        _package = Package.Open(output, FileMode.Create, FileAccess.Write);
        _document = SpreadsheetDocument.Create(_package, SpreadsheetDocumentType.Workbook, autoSave: true);
        _workbook = _document.AddWorkbookPart();
        _calls = _workbook.AddNewPart<WorksheetPart>();
        _cells = [.. XdrColumns.All.Select((_, i) => NewCell(i))];
        _writer = OpenXmlWriter.Create(_calls);
        _writer.WriteStartElement(new Worksheet());
        _writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { WorkbookViewId = 0, TabSelected = true }));
        _writer.WriteElement(new Columns(XdrColumns.All.Select((c, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = c.Width, CustomWidth = true })));
        _writer.WriteStartElement(new SheetData());
        _writer.WriteStartElement(_row);
        foreach (var (heading, _) in XdrColumns.All)
        {
            _writer.WriteElement(InlineText(heading, XlsxStyles.Header));
        }

        _writer.WriteEndElement();
    }

    /// <inheritdoc />
    public void Write(RatedCdr call)
    {
        ArgumentNullException.ThrowIfNull(call);
        SetText(0, call.Id);
        SetText(1, call.Account);
        SetText(2, call.Caller);
        SetText(3, call.Callee);
        _cells[4].CellValue!.Text = Serial(call.Start);
        _cells[5].CellValue!.Text = call.DurationSeconds.ToString(CultureInfo.InvariantCulture);
        _cells[6].CellValue!.Text = call.BilledSeconds.ToString(CultureInfo.InvariantCulture);
        SetText(7, call.Class.ToWireName());
        SetText(8, call.Prefix);
        SetText(9, call.Destination);
        _cells[10].CellValue!.Text = call.Charge.ToString();
        _cells[11].CellValue!.Text = call.Discount.ToString();
        _cells[12].CellValue!.Text = call.Net.ToString();
        _writer.WriteStartElement(_row);
        foreach (var cell in _cells)
        {
            _writer.WriteElement(cell);
        }

        _writer.WriteEndElement();
        _rows++;
    }

    /// <inheritdoc />
    public void Finish(XdrSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        _writer.WriteEndElement(); // sheetData
        var lastColumn = (char)('A' + XdrColumns.All.Length - 1);
        _writer.WriteElement(new AutoFilter { Reference = string.Create(CultureInfo.InvariantCulture, $"A1:{lastColumn}{_rows + 1}") });
        _writer.WriteEndElement(); // worksheet
        _writer.Close();

        var summaryPart = _workbook.AddNewPart<WorksheetPart>();
        summaryPart.Worksheet = SummarySheet(summary);
        var styles = _workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = XlsxStyles.Create();
        _workbook.Workbook = new Workbook(new Sheets(
            new Sheet { Id = _workbook.GetIdOfPart(_calls), SheetId = 1, Name = "Calls" },
            new Sheet { Id = _workbook.GetIdOfPart(summaryPart), SheetId = 2, Name = "Summary" }));
        _finished = true;
        _document.Dispose();
        _package.Close();
    }

    /// <summary>Closes the package; a writer disposed before <see cref="Finish"/> leaves an incomplete file for the caller to delete.</summary>
    public void Dispose()
    {
        if (!_finished)
        {
            _finished = true;
            try
            {
                _writer.Close();
                _document.Dispose();
                _package.Close();
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or XmlException)
            {
                // The file is incomplete either way; the report deletes it.
            }
        }
    }

    private Worksheet SummarySheet(XdrSummary summary)
    {
        var rows = new List<Row>
        {
            LabelRow("Report", Text(_selection.Title)),
            LabelRow("From", Text(_selection.FromDate.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture))),
            LabelRow("To", Text(_selection.ToDate.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture))),
            LabelRow("Time zone", Text(_selection.Zone.Id)),
            LabelRow("Currency", Text(_selection.Currency)),
            new Row(),
            new Row(new[] { "Class", "Calls", "Billed minutes", "Charge", "Discount", "Net" }.Select(h => InlineText(h, XlsxStyles.Header))),
        };
        foreach (var numberClass in Enum.GetValues<NumberClass>())
        {
            if (summary.Of(numberClass).Calls > 0)
            {
                rows.Add(TotalsRow(Text(numberClass.ToWireName()), summary.Of(numberClass)));
            }
        }

        rows.Add(TotalsRow(InlineText("Total", XlsxStyles.Label), summary.All));
        return new Worksheet(
            new Columns(new Column { Min = 1, Max = 1, Width = 22, CustomWidth = true }, new Column { Min = 2, Max = 6, Width = 16, CustomWidth = true }),
            new SheetData(rows));

        static Row LabelRow(string label, Cell value) => new(InlineText(label, XlsxStyles.Label), value);

        static Row TotalsRow(Cell label, XdrSummary.Totals t) => new(
            label, Number(t.Calls, XlsxStyles.Integer), NumberText(Minutes(t.BilledSeconds), XlsxStyles.Money),
            NumberText(t.Charge.ToString(), XlsxStyles.Money), NumberText(t.Discount.ToString(), XlsxStyles.Money), NumberText(t.Net.ToString(), XlsxStyles.Money));
    }

    // Billed minutes to the mill of a minute: exact for whole seconds only to 3 places, which is what the column shows.
    private static string Minutes(long seconds) => new Mills(seconds * 1000 / 60).ToString();

    private static Cell Text(string value) => InlineText(value, XlsxStyles.Default);

    private static Cell InlineText(string value, uint style) =>
        new(new InlineString(new Text(XmlSafe(value)) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString, StyleIndex = style };

    private static Cell Number(long value, uint style) => NumberText(value.ToString(CultureInfo.InvariantCulture), style);

    private static Cell NumberText(string value, uint style) => new(new CellValue(value)) { StyleIndex = style };

    private static Cell NewCell(int column) => column switch
    {
        4 => NumberText("0", XlsxStyles.DateTime),
        5 or 6 => NumberText("0", XlsxStyles.Integer),
        >= 10 => NumberText("0", XlsxStyles.Money),
        _ => InlineText(string.Empty, XlsxStyles.Default),
    };

    private void SetText(int column, string value) => ((Text)_cells[column].InlineString!.FirstChild!).Text = XmlSafe(value);

    /// <summary>The start as an Excel serial date-time in the customer's zone, to the second, with integer arithmetic.</summary>
    private string Serial(Instant start)
    {
        var local = start.ToUnixTimeSeconds() + _selection.Zone.GetUtcOffset(start).Seconds;
        var days = Math.DivRem(local, 86_400, out var second);
        if (second < 0)
        {
            second += 86_400;
            days--;
        }

        // second / 86,400 to ten decimals, half up (a second is 0.0000115741 of a day): it reads back to the same second.
        var fraction = ((second * 10_000_000_000L) + 43_200) / 86_400;
        (UnixEpochSerial + days).TryFormat(_serial, out var whole, provider: CultureInfo.InvariantCulture);
        _serial[whole] = '.';
        fraction.TryFormat(_serial.AsSpan(whole + 1), out _, "D10", CultureInfo.InvariantCulture);
        return new string(_serial, 0, whole + 11);
    }

    /// <summary>Text as XML 1.0 allows it: characters XML cannot carry (control characters) become U+FFFD.</summary>
    private static string XmlSafe(string value)
    {
        foreach (var c in value)
        {
            if (!XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c))
            {
                return string.Create(value.Length, value, (span, text) =>
                {
                    for (var i = 0; i < text.Length; i++)
                    {
                        span[i] = XmlConvert.IsXmlChar(text[i]) || char.IsSurrogate(text[i]) ? text[i] : '\uFFFD';
                    }
                });
            }
        }

        return value;
    }
}
