using System.Runtime.CompilerServices;
using System.Text;

namespace Centrex.Rating.Cdrs;

/// <summary>
/// Checks the two fields CDRs are keyed by: the id (charged once) and the account (charged to). Issue 13: ids that
/// differ only by spaces (<c> e4</c>, <c>e4 </c>, <c>e4</c>) were three ids and charged three times, and a NUL or other
/// control character made an id or account nobody can read back or type. Such a value is malformed, not a new key.
/// </summary>
public static class CdrKeyText
{
    /// <summary>
    /// Whether <paramref name="value"/> has no white space at either end and no control character anywhere (C0, DEL,
    /// and in UTF-8 text the C1 controls U+0080 to U+009F). Empty passes: whether a field may be empty is its own rule.
    /// </summary>
    /// <param name="value">The unescaped field.</param>
    /// <param name="printableAscii">
    /// The caller knows the record is printable ASCII (<see cref="Csv.CsvFields.TrySplitPlainAscii"/> accepted it): only
    /// a space can be wrong then, and only at an end, so the common row costs two compares.
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsClean(ReadOnlySpan<byte> value, bool printableAscii)
    {
        if (value.IsEmpty)
        {
            return true;
        }

        if (value[0] == (byte)' ' || value[^1] == (byte)' ')
        {
            return false;
        }

        return printableAscii || IsCleanText(value);
    }

    /// <summary>The check for quoted or non-ASCII fields (valid UTF-8, already checked), out of line.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsCleanText(ReadOnlySpan<byte> value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var b = value[i];

            // C0 and DEL; C1 controls are U+0080–U+009F, encoded C2 80 to C2 9F (valid UTF-8 puts a continuation
            // byte, 80–BF, after C2, so one compare finds them).
            if (b < 0x20 || b == 0x7F || (b == 0xC2 && i + 1 < value.Length && value[i + 1] < 0xA0))
            {
                return false;
            }
        }

        // Non-ASCII white space at an end (U+00A0 no-break space, U+2003 em space, U+3000...) hides the same way, and so
        // do invisible format characters (U+200B zero-width space, U+FEFF byte-order mark, U+2060 word joiner: Cf).
        Rune.DecodeFromUtf8(value, out var first, out _);
        Rune.DecodeLastFromUtf8(value, out var last, out _);
        return !Hides(first) && !Hides(last);
    }

    private static bool Hides(Rune rune) => Rune.IsWhiteSpace(rune) || Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.Format;
}
