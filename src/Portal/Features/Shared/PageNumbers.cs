using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Features.Shared;

/// <summary>
/// The <c>page</c> and <c>size</c> of a table's URL (pages and API alike). A value that is not a whole number in range
/// is refused with 400 naming the key (<see cref="SortRefusedException"/>), not quietly replaced (review 16, item 12:
/// <c>page=-1</c>, <c>size=abc</c>, <c>size=100000</c> answered page 1 of 50 rows, or 500 rows, as if asked).
/// </summary>
public static class PageNumbers
{
    /// <summary>The first page.</summary>
    public const int MinPage = 1;

    /// <summary>The last page asked for that is taken (a million pages of the smallest size are ten million rows).</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>Fewest rows a page.</summary>
    public const int MinSize = 10;

    /// <summary>Most rows a page (larger lists are downloaded as CSV, streamed).</summary>
    public const int MaxSize = 500;

    /// <summary>The whole number under <paramref name="key"/> from <paramref name="min"/> to <paramref name="max"/>; <paramref name="absent"/> when not given.</summary>
    public static int Read(IQueryCollection query, string key, int min, int max, int absent)
    {
        ArgumentNullException.ThrowIfNull(query);
        var values = query[key];
        if (values.Count == 0)
        {
            return absent;
        }

        var text = values.ToString();
        if (values.Count == 1 && text.Length is > 0 and <= 9 && text.All(char.IsAsciiDigit)
            && int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) is var n && n >= min && n <= max)
        {
            return n;
        }

        var size = key.EndsWith("size", StringComparison.Ordinal);
        var cut = Rating.Csv.EchoedValue.Cut(text);
        throw new SortRefusedException(key, string.Create(CultureInfo.InvariantCulture,
            $"'{cut}' is not a {(size ? "page size" : "page number")}: a whole number from {min:N0} to {max:N0}"))
        { Code = size ? "page-size" : "page-number", Arguments = [cut, min, max] };
    }
}
