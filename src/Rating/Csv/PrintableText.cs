using System.Buffers;
using System.Globalization;
using System.Text;

namespace Centrex.Rating.Csv;

/// <summary>
/// Text from an input file made safe to print in a message: control characters (C0, DEL, C1), format characters (the
/// bidirectional overrides, zero-width marks), line and paragraph separators, lone surrogates and undecodable bytes are
/// written as <c>\xNN</c>, <c>\uNNNN</c> or <c>\UNNNNNNNN</c>. Issue 13: a binary CDR file's header was echoed raw, and
/// its control bytes went to the operator's terminal, which obeys escape sequences.
/// </summary>
public static class PrintableText
{
    /// <summary>Shown after text cut at the length limit.</summary>
    public const string Ellipsis = "…";

    /// <summary><paramref name="text"/> with every character that is not safe to print escaped (unchanged when none is).</summary>
    public static string Escape(string text)
    {
        var clean = 0;
        while (clean < text.Length && Rune.TryGetRuneAt(text, clean, out var rune) && IsPrintable(rune))
        {
            clean += rune.Utf16SequenceLength;
        }

        if (clean == text.Length)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, clean);
        for (var i = clean; i < text.Length;)
        {
            if (!Rune.TryGetRuneAt(text, i, out var rune))
            {
                AppendEscape(escaped, text[i++]); // a lone surrogate
            }
            else
            {
                if (IsPrintable(rune))
                {
                    escaped.Append(text, i, rune.Utf16SequenceLength);
                }
                else
                {
                    AppendEscape(escaped, rune.Value);
                }

                i += rune.Utf16SequenceLength;
            }
        }

        return escaped.ToString();
    }

    /// <summary>
    /// The UTF-8 <paramref name="bytes"/> as printable text: bytes that do not decode become <c>\xNN</c>, and at most
    /// <paramref name="maxBytes"/> of them are shown (then <see cref="Ellipsis"/>).
    /// </summary>
    public static string Escape(ReadOnlySpan<byte> bytes, int maxBytes)
    {
        var shown = bytes.Length > maxBytes ? bytes[..maxBytes] : bytes;
        var text = new StringBuilder(shown.Length + 16);
        while (!shown.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(shown, out var rune, out var consumed) != OperationStatus.Done)
            {
                // Undecodable (or cut by the limit): the bytes themselves, so a binary file can be recognized.
                for (var i = 0; i < consumed; i++)
                {
                    text.Append(CultureInfo.InvariantCulture, $"\\x{shown[i]:x2}");
                }
            }
            else if (IsPrintable(rune))
            {
                text.Append(rune.ToString());
            }
            else
            {
                AppendEscape(text, rune.Value);
            }

            shown = shown[consumed..];
        }

        return bytes.Length > maxBytes ? text.Append(Ellipsis).ToString() : text.ToString();
    }

    private static bool IsPrintable(Rune rune) => Rune.GetUnicodeCategory(rune)
        is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);

    private static void AppendEscape(StringBuilder text, int value) => text.Append(value switch
    {
        <= 0xFF => string.Create(CultureInfo.InvariantCulture, $"\\x{value:x2}"),
        <= 0xFFFF => string.Create(CultureInfo.InvariantCulture, $"\\u{value:x4}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"\\U{value:x8}"),
    });
}
