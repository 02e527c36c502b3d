using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.IO.Compression;
using System.Xml;
using Centrex.Ledger.Journal;
using Centrex.Rating.Cdrs;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using NodaTime;

namespace Centrex.Invoicing.Xdr;

/// <summary>
/// The XLSX report: a "Calls" sheet with one typed row per call (numbers as numbers, start times as Excel date-times in
/// the customer's zone, money to the mill), a frozen styled header row with an auto-filter and set column widths, then
/// a "Summary" sheet. The calls sheet is streamed: rows are encoded straight to UTF-8 (<see cref="SheetRowEncoder"/>)
/// and compressed as they are written, so memory stays flat however many calls there are (no DOM, no shared-string
/// table: text cells are inline strings). The small parts (styles, workbook, summary) are the OpenXml SDK's element
/// trees. The package around them (zip entries, content types, relationships) is written with <see cref="ZipArchive"/>
/// in create mode: the SDK's own packaging opens packages read-write, and in that mode the zip keeps every part in
/// memory until the file is closed, while SDK 2.20 refuses write-only packages.
/// </summary>
public sealed class XdrXlsxWriter : IEncodedXdrWriter
{
    // Excel's serial date: days since 1899-12-30 (Excel's 1900 leap-year bug makes day 0 fall there); 1970-01-01 is 25,569.
    private const long UnixEpochSerial = 25_569;

    private readonly XdrSelection _selection;
    private readonly ZipArchive _zip;
    private readonly Stream _sheet;
    private readonly SheetRowEncoder _rowsOut;
    private readonly byte[] _serial = new byte[32];
    private long _rows;
    private bool _finished;

    /// <summary>Starts the workbook on <paramref name="output"/> (written to in order, never read or sought).</summary>
    public XdrXlsxWriter(Stream output, XdrSelection selection)
    {
        _selection = selection;
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        XlsxPackage.WriteSkeleton(_zip);
        _sheet = _zip.CreateEntry(XlsxPackage.CallsSheet, CompressionLevel.Fastest).Open();
        _rowsOut = new SheetRowEncoder(_sheet);

        // The frame before the rows: the header row frozen (§18.3.1.66 pane), then the column widths (§18.3.1.13 col).
        _rowsOut.Raw("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews><cols>"""u8);
        for (var i = 0; i < XdrColumns.All.Length; i++)
        {
            _rowsOut.Raw(SheetRowEncoder.Utf8(string.Create(CultureInfo.InvariantCulture, $"<col min=\"{i + 1}\" max=\"{i + 1}\" width=\"{XdrColumns.All[i].Width}\" customWidth=\"1\"/>")));
        }

        _rowsOut.Raw("</cols><sheetData>"u8);
        _rowsOut.StartRow();
        foreach (var (heading, _) in XdrColumns.All)
        {
            _rowsOut.Text(heading, XlsxStyles.Header);
        }

        _rowsOut.EndRow();
    }

    /// <inheritdoc />
    public void Write(RatedCdr call)
    {
        ArgumentNullException.ThrowIfNull(call);
        Span<byte> number = stackalloc byte[32];
        var o = _rowsOut;
        o.StartRow();
        o.Text(call.Id);
        o.Text(call.Account);
        o.Text(call.Caller);
        o.Text(call.Callee);
        o.Number(_serial.AsSpan(0, Serial(call.Start)), XlsxStyles.DateTime);
        o.Number(call.DurationSeconds, XlsxStyles.Integer);
        o.Number(call.BilledSeconds, XlsxStyles.Integer);
        o.Text(call.Class.ToWireName());
        o.Text(call.Prefix);
        o.Text(call.Destination);
        Money(call.Charge, number);
        Money(call.Discount, number);
        Money(call.Net, number);
        o.EndRow();
        _rows++;
    }

    /// <summary>Appends one call still encoded as the journal holds it (<see cref="RatedCdrCodec"/>), without decoding its text.</summary>
    public void WriteEncoded(ReadOnlySpan<byte> entry)
    {
        Span<byte> number = stackalloc byte[32];
        var o = _rowsOut;
        o.StartRow();
        for (var field = 0; field < 4; field++)
        {
            o.Text(RatedCdrCodec.Text(entry, field));
        }

        var start = Instant.FromUnixTimeSeconds(RatedCdrCodec.StartUnixSeconds(entry)).PlusNanoseconds(RatedCdrCodec.StartNanoseconds(entry));
        o.Number(_serial.AsSpan(0, Serial(start)), XlsxStyles.DateTime);
        o.Number(RatedCdrCodec.DurationSeconds(entry), XlsxStyles.Integer);
        o.Number(RatedCdrCodec.BilledSeconds(entry), XlsxStyles.Integer);
        o.Text(RatedCdrCodec.Class(entry).ToUtf8WireName());
        o.Text(RatedCdrCodec.Text(entry, 4));
        o.Text(RatedCdrCodec.Text(entry, 5));
        var charge = RatedCdrCodec.ChargeMills(entry);
        var discount = RatedCdrCodec.DiscountMills(entry);
        Money(new Mills(charge), number);
        Money(new Mills(discount), number);
        Money(new Mills(charge - discount), number);
        o.EndRow();
        _rows++;
    }

    /// <inheritdoc />
    public void Finish(XdrSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var lastColumn = (char)('A' + XdrColumns.All.Length - 1);
        _rowsOut.Raw(SheetRowEncoder.Utf8(string.Create(CultureInfo.InvariantCulture, $"</sheetData><autoFilter ref=\"A1:{lastColumn}{_rows + 1}\"/></worksheet>")));
        _rowsOut.Flush();
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
                _sheet.Dispose();
                _zip.Dispose();
            }
            catch (Exception e) when (e is InvalidOperationException or IOException)
            {
                // The file is incomplete either way; the report deletes it.
            }
        }
    }

    private void Money(Mills value, Span<byte> buffer)
    {
        value.TryFormat(buffer, out var written);
        _rowsOut.Number(buffer[..written], XlsxStyles.Money);
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
    private int Serial(Instant start)
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
        Utf8Formatter.TryFormat(UnixEpochSerial + days, _serial, out var whole);
        _serial[whole] = (byte)'.';
        Utf8Formatter.TryFormat(fraction, _serial.AsSpan(whole + 1), out _, new StandardFormat('D', 10));
        return whole + 11;
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
