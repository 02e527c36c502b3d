using System.Globalization;
using System.IO.Compression;
using System.Xml;
using Centrex.Rating.Cdrs;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using NodaTime;

namespace Centrex.Invoicing.Xdr;

/// <summary>
/// The XLSX report (DocumentFormat.OpenXml): a "Calls" sheet with one typed row per call (numbers as numbers, start times
/// as Excel date-times in the customer's zone, money to the mill), a frozen styled header row with an auto-filter and
/// set column widths, then a "Summary" sheet. Rows are streamed with the SAX-style <see cref="OpenXmlWriter"/> and
/// compressed as they are written, so memory stays flat however many calls there are (no DOM, no shared-string table:
/// text cells are inline strings). The package around the parts (zip entries, content types, relationships) is written
/// here with <see cref="ZipArchive"/> in create mode: the SDK's own packaging (System.IO.Packaging) opens packages
/// read-write, and in that mode the zip keeps every part in memory until the file is closed (measured: far beyond the
/// 300 MB budget for a million rows), while SDK 2.20 refuses write-only packages.
/// </summary>
public sealed class XdrXlsxWriter : IXdrWriter
{
    // Excel's serial date: days since 1899-12-30 (Excel's 1900 leap-year bug makes day 0 fall there); 1970-01-01 is 25,569.
    private const long UnixEpochSerial = 25_569;

    private readonly XdrSelection _selection;
    private readonly ZipArchive _zip;
    private readonly Stream _sheet;
    private readonly OpenXmlWriter _writer;
    private static readonly OpenXmlAttribute[] TextAttributes = [new("t", string.Empty, "inlineStr")];
    private static readonly OpenXmlAttribute[] PreserveAttributes = [new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")];
    private static readonly OpenXmlAttribute[] DateAttributes = [Style(XlsxStyles.DateTime)];
    private static readonly OpenXmlAttribute[] IntegerAttributes = [Style(XlsxStyles.Integer)];
    private static readonly OpenXmlAttribute[] MoneyAttributes = [Style(XlsxStyles.Money)];
    private readonly Row _row = new();
    private readonly Cell _cell = new();
    private readonly InlineString _inline = new();
    private readonly Text _text = new();
    private readonly CellValue _value = new();
    private readonly char[] _serial = new char[32];
    private long _rows;
    private bool _finished;

    /// <summary>Starts the workbook on <paramref name="output"/> (written to in order, never read or sought).</summary>
    public XdrXlsxWriter(Stream output, XdrSelection selection)
    {
        _selection = selection;
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        XlsxPackage.WriteSkeleton(_zip);
        _sheet = _zip.CreateEntry(XlsxPackage.CallsSheet, CompressionLevel.Fastest).Open();
        _writer = OpenXmlWriter.Create(_sheet);
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

        // Start and end tags with prepared attribute lists instead of a Cell element per value: the same XML, without
        // building and serializing an element tree for each of the 13 million cells of a million-row report.
        _writer.WriteStartElement(_row);
        TextCell(call.Id);
        TextCell(call.Account);
        TextCell(call.Caller);
        TextCell(call.Callee);
        NumberCell(DateAttributes, Serial(call.Start));
        NumberCell(IntegerAttributes, call.DurationSeconds.ToString(CultureInfo.InvariantCulture));
        NumberCell(IntegerAttributes, call.BilledSeconds.ToString(CultureInfo.InvariantCulture));
        TextCell(call.Class.ToWireName());
        TextCell(call.Prefix);
        TextCell(call.Destination);
        NumberCell(MoneyAttributes, call.Charge.ToString());
        NumberCell(MoneyAttributes, call.Discount.ToString());
        NumberCell(MoneyAttributes, call.Net.ToString());
        _writer.WriteEndElement();
        _rows++;
    }

    private void TextCell(string value)
    {
        _writer.WriteStartElement(_cell, TextAttributes);
        _writer.WriteStartElement(_inline);
        _writer.WriteStartElement(_text, PreserveAttributes);
        _writer.WriteString(XmlSafe(value));
        _writer.WriteEndElement();
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    private void NumberCell(OpenXmlAttribute[] attributes, string value)
    {
        _writer.WriteStartElement(_cell, attributes);
        _writer.WriteStartElement(_value);
        _writer.WriteString(value);
        _writer.WriteEndElement();
        _writer.WriteEndElement();
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
        _sheet.Dispose();
        XlsxPackage.Write(_zip, XlsxPackage.SummarySheet, SummarySheet(summary));
        XlsxPackage.Write(_zip, XlsxPackage.Styles, XlsxStyles.Create());
        XlsxPackage.Write(_zip, XlsxPackage.Workbook, new Workbook(new Sheets(
            new Sheet { Id = XlsxPackage.CallsSheetRelationship, SheetId = 1, Name = "Calls" },
            new Sheet { Id = XlsxPackage.SummarySheetRelationship, SheetId = 2, Name = "Summary" })));
        _finished = true;
        _zip.Dispose();
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
                _sheet.Dispose();
                _zip.Dispose();
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

    private static OpenXmlAttribute Style(uint index) => new("s", string.Empty, index.ToString(CultureInfo.InvariantCulture));

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
