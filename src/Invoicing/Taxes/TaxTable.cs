using System.Globalization;
using Centrex.Rating.Csv;
using Centrex.Rating.Money;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Invoicing.Taxes;

/// <summary>
/// Canadian sales taxes by province with effective dates, read from a CSV file with the header
/// <c>province,tax,rate_percent,from,to</c> (provider FAQ, "What taxes do you charge?": "GST, PST, and/or HST are billed
/// at your local Provincial rate"). The shipped table is built in; an operator replaces it with a file of their own,
/// as with the NPA tables.
/// </summary>
public sealed class TaxTable
{
    /// <summary>The header every tax table file has.</summary>
    public static readonly IReadOnlyList<string> Header = ["province", "tax", "rate_percent", "from", "to"];

    /// <summary>File name of the shipped table.</summary>
    public const string DefaultResource = "canada-sales-tax.csv";

    private TaxTable(string source, IReadOnlyList<TaxRate> rates)
    {
        Source = source;
        Rates = rates;
    }

    /// <summary>Where the table came from.</summary>
    public string Source { get; }

    /// <summary>Every rate, in file order.</summary>
    public IReadOnlyList<TaxRate> Rates { get; }

    /// <summary>The shipped table (GST 5%; BC PST 7%; MB RST 7%; SK PST 6%; QC QST 9.975%; HST ON 13%, NB/NL/PE 15%, NS 15% then 14% from 2025-04-01).</summary>
    public static TaxTable Default { get; } = Parse(ReadEmbedded(), "(built-in) " + DefaultResource);

    /// <summary>The shipped table's bytes.</summary>
    public static byte[] ReadEmbedded()
    {
        using var stream = typeof(TaxTable).Assembly.GetManifestResourceStream("Centrex.Invoicing.Data." + DefaultResource)
            ?? throw new InvalidOperationException($"embedded tax table {DefaultResource} is missing from the build");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Reads a table from a file.</summary>
    /// <exception cref="CsvFormatException">The file is not a valid tax table.</exception>
    public static TaxTable Load(string path) => Parse(File.ReadAllBytes(path), path);

    /// <summary>Parses a table; two rates of the same tax and province may not be in force on the same day.</summary>
    public static TaxTable Parse(ReadOnlySpan<byte> content, string source)
    {
        var rates = new List<TaxRate>();
        foreach (var row in CsvDocument.Read(content, source, Header))
        {
            var f = row.Fields;
            if (f[0].Length != 2 || !f[0].All(char.IsAsciiLetterUpper))
            {
                throw new CsvFormatException(source, row.Line, "province", $"'{f[0]}' is not a two-letter province code");
            }

            if (f[1].Length == 0)
            {
                throw new CsvFormatException(source, row.Line, "tax", "the tax name is empty");
            }

            if (!FixedPointText.TryParse(f[2].AsSpan(), 3, allowSign: false, out var rate) || rate > TaxRate.Whole)
            {
                throw new CsvFormatException(source, row.Line, "rate_percent", $"'{f[2]}' is not a percentage 0 to 100 with at most 3 decimals");
            }

            var from = Date(f[3], source, row.Line, "from") ?? throw new CsvFormatException(source, row.Line, "from", "the first day in force is required");
            var to = Date(f[4], source, row.Line, "to");
            if (to is { } end && end < from)
            {
                throw new CsvFormatException(source, row.Line, "to", $"{f[4]} is before {f[3]}");
            }

            var candidate = new TaxRate(f[0], f[1], rate, from, to, row.Line);
            var clash = rates.FirstOrDefault(r => r.Province == candidate.Province && r.Tax == candidate.Tax && Overlaps(r, candidate));
            if (clash is not null)
            {
                throw new CsvFormatException(source, row.Line, "from", $"{candidate.Province} {candidate.Tax} overlaps the rate on line {clash.Line}");
            }

            rates.Add(candidate);
        }

        return new TaxTable(source, rates);
    }

    /// <summary>The taxes in force for <paramref name="province"/> on <paramref name="date"/>, in file order.</summary>
    public IReadOnlyList<TaxRate> RatesFor(string province, LocalDate date) =>
        [.. Rates.Where(r => r.Province == province && r.InForceOn(date))];

    private static bool Overlaps(TaxRate a, TaxRate b) =>
        (a.To is not { } aTo || b.From <= aTo) && (b.To is not { } bTo || a.From <= bTo);

    private static LocalDate? Date(string text, string source, long line, string field)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        return parsed.Success ? parsed.Value : throw new CsvFormatException(source, line, field, string.Create(CultureInfo.InvariantCulture, $"'{text}' is not a date (YYYY-MM-DD)"));
    }
}
