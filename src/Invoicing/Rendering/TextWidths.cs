namespace Centrex.Invoicing.Rendering;

/// <summary>
/// Text widths for one font (measured by <c>measure</c> on the current page's graphics), from each character's advance measured once: PdfSharp lays text out as the plain sum of
/// advance widths (no kerning), so the sum is the width it draws, and measuring a cell costs a few additions instead
/// of a call through PdfSharp's text measurement for every cell of every call-detail row.
/// </summary>
internal sealed class TextWidths(Func<string, double> measure)
{
    private readonly Dictionary<char, double> _advance = [];

    public double Of(ReadOnlySpan<char> text)
    {
        var width = 0.0;
        foreach (var c in text)
        {
            if (char.IsSurrogate(c))
            {
                return measure(text.ToString()); // pairs are rare: measure the whole text
            }

            if (!_advance.TryGetValue(c, out var advance))
            {
                _advance[c] = advance = measure(c.ToString());
            }

            width += advance;
        }

        return width;
    }
}
