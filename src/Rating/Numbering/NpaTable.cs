using System.Globalization;
using Centrex.Rating.Csv;

namespace Centrex.Rating.Numbering;

/// <summary>
/// A list of NANP area codes (NPAs) with names, read from a CSV file with the header <c>npa,name</c>. The shipped
/// tables are embedded defaults; operators override them with their own files.
/// </summary>
public sealed class NpaTable
{
    /// <summary>The header every NPA table file has.</summary>
    public static readonly IReadOnlyList<string> Header = ["npa", "name"];

    private NpaTable(string source, IReadOnlyDictionary<int, string> names, IReadOnlyDictionary<int, long> lines)
    {
        Source = source;
        Names = names;
        Lines = lines;
    }

    /// <summary>Where the table came from (a file path or the embedded resource name).</summary>
    public string Source { get; }

    /// <summary>Name of each listed NPA.</summary>
    public IReadOnlyDictionary<int, string> Names { get; }

    /// <summary>The line each NPA is listed on, for error messages.</summary>
    public IReadOnlyDictionary<int, long> Lines { get; }

    /// <summary>The listed NPAs.</summary>
    public IEnumerable<int> Npas => Names.Keys;

    /// <summary>The shipped toll-free NPAs (800, 833, 844, 855, 866, 877, 888).</summary>
    public static NpaTable DefaultTollFree { get; } = LoadEmbedded(TollFreeResource);

    /// <summary>The shipped NANP NPAs outside the US states and Canada, billed at international rates.</summary>
    public static NpaTable DefaultNanpInternational { get; } = LoadEmbedded(NanpInternationalResource);

    /// <summary>File name of the shipped toll-free table.</summary>
    public const string TollFreeResource = "toll-free.csv";

    /// <summary>File name of the shipped NANP-international table.</summary>
    public const string NanpInternationalResource = "nanp-international.csv";

    /// <summary>Reads a table from a file.</summary>
    /// <exception cref="CsvFormatException">The file is not a valid NPA table.</exception>
    public static NpaTable Load(string path) => Parse(File.ReadAllBytes(path), path);

    /// <summary>The bytes of a shipped table, e.g. to write it out for an operator to edit.</summary>
    public static byte[] ReadEmbedded(string resource)
    {
        using var stream = typeof(NpaTable).Assembly.GetManifestResourceStream("Centrex.Rating.Data." + resource)
            ?? throw new InvalidOperationException($"embedded NPA table {resource} is missing from the build");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Parses a table; each NPA is three digits, 200–999, listed once.</summary>
    public static NpaTable Parse(ReadOnlySpan<byte> content, string source)
    {
        var names = new Dictionary<int, string>();
        var lines = new Dictionary<int, long>();
        foreach (var row in CsvDocument.Read(content, source, Header))
        {
            var text = row.Fields[0];
            if (text.Length != 3 || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var npa) || npa < 200)
            {
                throw new CsvFormatException(source, row.Line, "npa", $"'{text}' is not an NPA (three digits, 200-999)");
            }

            if (!names.TryAdd(npa, row.Fields[1]))
            {
                throw new CsvFormatException(source, row.Line, "npa", $"NPA {text} is listed twice (first on line {lines[npa]})");
            }

            lines[npa] = row.Line;
        }

        return new NpaTable(source, names, lines);
    }

    private static NpaTable LoadEmbedded(string resource) => Parse(ReadEmbedded(resource), "(built-in) " + resource);
}
