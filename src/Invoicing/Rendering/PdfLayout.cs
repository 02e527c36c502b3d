using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Centrex.Invoicing.Rendering;

/// <summary>
/// A flowing page layout over PdfSharp: a cursor that moves down US Letter pages, text that never overflows its box
/// (too-long text is cut with an ellipsis), tables whose header repeats on every page, and "Page n of m" footers added
/// once the page count is known.
/// </summary>
internal sealed class PdfLayout : IDisposable
{
    // Page geometry in points: PdfSharp's drawing API is double-based. Amounts are formatted from integer mills before
    // they reach the layout, which only places text.
    public const double Left = 40;
    public const double Right = 572;
    public const double Top = 40;
    public const double Bottom = 748;
    public const double Width = Right - Left;

    public readonly XFont Regular = new(DejaVuFontResolver.Family, 8.5, XFontStyleEx.Regular);
    public readonly XFont Bold = new(DejaVuFontResolver.Family, 8.5, XFontStyleEx.Bold);
    public readonly XFont Small = new(DejaVuFontResolver.Family, 7, XFontStyleEx.Regular);
    public readonly XFont SmallBold = new(DejaVuFontResolver.Family, 7, XFontStyleEx.Bold);
    public readonly XFont Heading = new(DejaVuFontResolver.Family, 11, XFontStyleEx.Bold);
    public readonly XFont Title = new(DejaVuFontResolver.Family, 20, XFontStyleEx.Bold);
    public readonly XFont Large = new(DejaVuFontResolver.Family, 13, XFontStyleEx.Bold);

    public static readonly XBrush Ink = XBrushes.Black;
    public static readonly XBrush Muted = new XSolidBrush(XColor.FromArgb(90, 90, 90));
    public static readonly XBrush Band = new XSolidBrush(XColor.FromArgb(232, 238, 246));
    public static readonly XBrush Accent = new XSolidBrush(XColor.FromArgb(24, 64, 120));
    public static readonly XPen Rule = new(XColor.FromArgb(160, 170, 185), 0.6);

    private readonly PdfDocument _document = new();
    private readonly Dictionary<(string, XFont, double), string> _fitted = [];
    private readonly Dictionary<XFont, TextWidths> _widths = [];
    private readonly Action<PdfLayout>? _runningHeader;
    private XGraphics? _graphics;

    public PdfLayout(string title, Action<PdfLayout>? runningHeader)
    {
        _document.Info.Title = title;
        _document.Info.Creator = "Centrex";
        _runningHeader = runningHeader;
        NewPage(first: true);
    }

    public XGraphics G => _graphics!;

    public double Y { get; set; }

    public int PageCount => _document.PageCount;

    public void NewPage(bool first = false)
    {
        _graphics?.Dispose();
        var page = _document.AddPage();
        page.Size = PageSize.Letter;
        _graphics = XGraphics.FromPdfPage(page);
        Y = Top;
        if (!first)
        {
            _runningHeader?.Invoke(this);
        }
    }

    /// <summary>Starts a new page unless <paramref name="height"/> more points fit on this one.</summary>
    public bool Ensure(double height)
    {
        if (Y + height <= Bottom)
        {
            return false;
        }

        NewPage();
        return true;
    }

    public void Text(string text, XFont font, double x, double y, double width, bool right = false, XBrush? brush = null)
    {
        var fitted = Fit(text, font, width);
        var dx = right ? width - Measure(fitted, font) : 0;
        G.DrawString(fitted, font, brush ?? Ink, x + dx, y + font.Size, XStringFormats.Default);
    }

    /// <summary>The text cut to <paramref name="width"/> points with an ellipsis when it is longer.</summary>
    public string Fit(string text, XFont font, double width)
    {
        if (text.Length <= 3 || Measure(text, font) <= width)
        {
            return text;
        }

        var key = (text, font, width);
        if (_fitted.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var length = text.Length - 1;
        while (length > 0 && Measure(text[..length] + "…", font) > width)
        {
            length--;
        }

        return _fitted[key] = text[..length].TrimEnd() + "…";
    }

    /// <summary>The width <paramref name="text"/> takes in <paramref name="font"/>, in points.</summary>
    public double Measure(string text, XFont font)
    {
        if (!_widths.TryGetValue(font, out var widths))
        {
            _widths[font] = widths = new TextWidths(t => G.MeasureString(t, font).Width);
        }

        return widths.Of(text);
    }

    public void SectionHeading(string text)
    {
        Ensure(40);
        Y += 8;
        G.DrawString(text, Heading, Accent, Left, Y + Heading.Size, XStringFormats.Default);
        Y += Heading.Size + 6;
    }

    /// <summary>Draws a table row by row; the header is drawn first and again at the top of each new page.</summary>
    public void Table(IReadOnlyList<Column> columns, IEnumerable<string[]> rows, XFont? font = null, XFont? headerFont = null, string? continuedTitle = null)
    {
        var table = StartTable(columns, font, headerFont, continuedTitle);
        foreach (var row in rows)
        {
            table.Row(row);
        }

        table.End();
    }

    /// <summary>Starts a table whose rows are added one at a time (reports stream their rows).</summary>
    public PdfTable StartTable(IReadOnlyList<Column> columns, XFont? font = null, XFont? headerFont = null, string? continuedTitle = null) =>
        new(this, columns, font ?? Regular, headerFont ?? Bold, continuedTitle);

    /// <summary>A label and an amount on one line, right-aligned, for totals.</summary>
    public void TotalLine(string label, string amount, XFont? font = null, double labelX = 250)
    {
        font ??= Regular;
        Ensure(font.Size + 6);
        Text(label, font, labelX, Y, Right - labelX - 110);
        Text(amount, font, Right - 110, Y, 108, right: true);
        Y += font.Size + 5;
    }

    /// <summary>Adds "Page n of m" and <paramref name="footer"/> to every page, then writes the PDF.</summary>
    public void Save(Stream output, string footer)
    {
        _graphics?.Dispose();
        _graphics = null;
        var count = _document.PageCount;
        for (var i = 0; i < count; i++)
        {
            using var g = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
            g.DrawLine(Rule, Left, Bottom + 12, Right, Bottom + 12);
            g.DrawString(footer, Small, Muted, Left, Bottom + 24, XStringFormats.Default);
            var page = string.Create(CultureInfo.InvariantCulture, $"Page {i + 1} of {count}");
            g.DrawString(page, Small, Muted, Right - g.MeasureString(page, Small).Width, Bottom + 24, XStringFormats.Default);
        }

        if (output.CanSeek)
        {
            _document.Save(output, closeStream: false);
            return;
        }

        // PDFsharp writes the cross-reference table from the stream's positions, which a response body (the portal's
        // xDR download) cannot give: it threw after the header and the browser got 15 bytes. A PDF report is bounded
        // (a few thousand calls), so it is made in memory and copied.
        using var whole = new MemoryStream();
        _document.Save(whole, closeStream: false);
        whole.Position = 0;
        whole.CopyTo(output);
    }

    public void Dispose()
    {
        _graphics?.Dispose();
        _document.Dispose();
    }
}
