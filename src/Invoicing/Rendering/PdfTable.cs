using PdfSharp.Drawing;

namespace Centrex.Invoicing.Rendering;

/// <summary>
/// A table being drawn on a <see cref="PdfLayout"/>: rows in shaded bands, the header repeated at the top of every page
/// the table continues on, each cell cut to its column so nothing overflows.
/// </summary>
internal sealed class PdfTable
{
    private readonly PdfLayout _layout;
    private readonly IReadOnlyList<Column> _columns;
    private readonly XFont _font;
    private readonly XFont _headerFont;
    private readonly string? _continuedTitle;
    private readonly double _rowHeight;
    private bool _shaded;

    public PdfTable(PdfLayout layout, IReadOnlyList<Column> columns, XFont font, XFont headerFont, string? continuedTitle)
    {
        _layout = layout;
        _columns = columns;
        _font = font;
        _headerFont = headerFont;
        _continuedTitle = continuedTitle;
        _rowHeight = font.Size + 4.5;
        Header();
    }

    public void Row(string[] cells)
    {
        var l = _layout;
        if (l.Ensure(_rowHeight))
        {
            if (_continuedTitle is not null)
            {
                l.SectionHeading(_continuedTitle + " (continued)");
            }

            Header();
            _shaded = false;
        }

        if (_shaded)
        {
            l.G.DrawRectangle(PdfLayout.Band, PdfLayout.Left, l.Y, PdfLayout.Width, _rowHeight);
        }

        _shaded = !_shaded;
        Cells(cells, _font);
        l.Y += _rowHeight;
    }

    public void End()
    {
        _layout.G.DrawLine(PdfLayout.Rule, PdfLayout.Left, _layout.Y, PdfLayout.Right, _layout.Y);
        _layout.Y += 4;
    }

    private void Header()
    {
        var l = _layout;
        l.Ensure(_rowHeight * 2);
        Cells([.. _columns.Select(c => c.Header)], _headerFont);
        l.Y += _rowHeight;
        l.G.DrawLine(PdfLayout.Rule, PdfLayout.Left, l.Y - 1.5, PdfLayout.Right, l.Y - 1.5);
    }

    private void Cells(string[] cells, XFont font)
    {
        var x = PdfLayout.Left;
        for (var i = 0; i < _columns.Count; i++)
        {
            _layout.Text(cells[i], font, x + 2, _layout.Y + 1, _columns[i].Width - 6, _columns[i].RightAligned);
            x += _columns[i].Width;
        }
    }
}
