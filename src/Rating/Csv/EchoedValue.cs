using System.Text.RegularExpressions;

namespace Centrex.Rating.Csv;

/// <summary>
/// A value an error message echoes, cut short: the first <see cref="MaxShown"/> characters and "…". Review 16, item 2:
/// a 30 MB forwarding number came back whole in its 400 (<c>'1111…' is not a phone number</c>, 30,000,164 bytes), so
/// a client could make the server copy any body it sent into its answer.
/// </summary>
public static partial class EchoedValue
{
    /// <summary>Characters of a value shown before the ellipsis.</summary>
    public const int MaxShown = 64;

    /// <summary><paramref name="value"/>, or its first <see cref="MaxShown"/> characters and "…" when longer.</summary>
    public static string Cut(string? value) => value is null ? string.Empty
        : value.Length <= MaxShown ? value
        : value[..(char.IsHighSurrogate(value[MaxShown - 1]) ? MaxShown - 1 : MaxShown)] + PrintableText.Ellipsis;

    /// <summary>Messages up to this long are left as they are (every message written for a person is shorter).</summary>
    public const int LongMessage = 256;

    /// <summary>
    /// <paramref name="message"/>, when longer than <see cref="LongMessage"/>, with every quoted value in it (<c>'…'</c>
    /// or <c>"…"</c>, how the validators quote what they were given) and every unbroken run of characters over 1,024
    /// characters (longer than any file path a message names) cut by
    /// <see cref="Cut"/>: applied where messages are made or sent (the provisioning and CSV exceptions, the API's error
    /// body), so a message written without cutting its value is still short. Shorter messages are untouched.
    /// </summary>
    public static string CutLong(string? message)
    {
        if (message is null || message.Length <= LongMessage)
        {
            return message ?? string.Empty;
        }

        return Long().Replace(message, m => m.Value[0] is '\'' or '"' ? m.Value[0] + Cut(m.Value[1..^1]) + m.Value[^1] : Cut(m.Value));
    }

    // A quoted value (its quotes kept around the cut text), or a run of characters without space or quote, over 1,024
    // characters: a file's path (what CSV and tariff errors name, with its file name at the end) is shorter, and was cut
    // when runs of 65 were (ServeScheduledTariffTests lost the tariff's file name); an echoed body is far longer. A quote opens
    // a value only at the start or after a space or an opening mark, and closes it only before the end, a space or a
    // closing mark: otherwise the text between two values ("old.example" to "new.example" and ... for "new.example") or an
    // apostrophe (account's) was read as a value and cut out of the message.
    [GeneratedRegex("(?<=^|[\\s(\\[{:=,])(?:'[^'\\n]{1025,}'|\"[^\"\\n]{1025,}\")(?=$|[\\s)\\]},.:;!?])|[^\\s'\"]{1025,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Long();
}
