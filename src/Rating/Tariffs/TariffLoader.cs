using System.Globalization;
using Centrex.Rating.Charging;
using Centrex.Rating.Csv;
using Centrex.Rating.Money;

namespace Centrex.Rating.Tariffs;

/// <summary>
/// Reads and validates a tariff CSV file (<c>prefix,destination,rate,connect_fee,first_increment,next_increment</c>).
/// Any bad row makes the whole tariff invalid: carriers must never rate with half a price list.
/// </summary>
public static class TariffLoader
{
    /// <summary>The header a tariff file must have, exactly.</summary>
    public static readonly IReadOnlyList<string> Header =
        ["prefix", "destination", "rate", "connect_fee", "first_increment", "next_increment"];

    /// <summary>
    /// The sanity cap on a row's rate, $100 per minute, unless the operator sets another or lifts it (issue 13): a rate
    /// above it is far more likely a slip (cents written as dollars, a price per hour) than a price, and a tariff is
    /// all or nothing, so it is refused before a single call is charged at it.
    /// </summary>
    public static readonly MicroDollars DefaultMaxRatePerMinute = new(100 * MicroDollars.PerUnit);

    /// <summary>Loads a tariff file, with the default rate cap.</summary>
    /// <exception cref="CsvFormatException">The file is invalid; the message names the line and field.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Tariff Load(string path) => Load(path, DefaultMaxRatePerMinute);

    /// <summary>Loads a tariff file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="maxRatePerMinute">Highest rate accepted; null for no cap.</param>
    /// <exception cref="CsvFormatException">The file is invalid; the message names the line and field.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Tariff Load(string path, MicroDollars? maxRatePerMinute) => Parse(File.ReadAllBytes(path), path, maxRatePerMinute);

    /// <summary>Parses tariff CSV bytes (UTF-8, optional BOM, LF or CRLF), with the default rate cap.</summary>
    /// <exception cref="CsvFormatException">The content is invalid; the message names the line and field.</exception>
    public static Tariff Parse(ReadOnlySpan<byte> content, string source) => Parse(content, source, DefaultMaxRatePerMinute);

    /// <summary>Parses tariff CSV bytes (UTF-8, optional BOM, LF or CRLF).</summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="source">The file's name in messages.</param>
    /// <param name="maxRatePerMinute">Highest rate accepted; null for no cap.</param>
    /// <exception cref="CsvFormatException">The content is invalid; the message names the line and field.</exception>
    public static Tariff Parse(ReadOnlySpan<byte> content, string source, MicroDollars? maxRatePerMinute)
    {
        var rows = new List<TariffRow>();
        var firstLineOfPrefix = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var csv in CsvDocument.Read(content, source, Header))
        {
            var row = ParseRow(csv, source, maxRatePerMinute);
            if (!firstLineOfPrefix.TryAdd(row.Prefix, csv.Line))
            {
                throw new CsvFormatException(source, csv.Line, "prefix",
                    $"duplicate prefix {row.Prefix} (first on line {firstLineOfPrefix[row.Prefix]})");
            }

            rows.Add(row);
        }

        return new Tariff(rows, source);
    }

    /// <summary>Builds a tariff from rows made in code, with the same checks as a file (the default rate cap included).</summary>
    public static Tariff FromRows(IEnumerable<TariffRow> rows, string source = "(in memory)") => FromRows(rows, source, DefaultMaxRatePerMinute);

    /// <summary>Builds a tariff from rows made in code, with the same checks as a file.</summary>
    /// <param name="rows">The rows.</param>
    /// <param name="source">Their name in messages.</param>
    /// <param name="maxRatePerMinute">Highest rate accepted; null for no cap.</param>
    public static Tariff FromRows(IEnumerable<TariffRow> rows, string source, MicroDollars? maxRatePerMinute)
    {
        var list = rows.ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in list)
        {
            var line = row.Line;
            CheckPrefix(row.Prefix, source, line);
            if (!seen.Add(row.Prefix))
            {
                throw new CsvFormatException(source, line, "prefix", $"duplicate prefix {row.Prefix}");
            }

            CheckTerms(row, source, line, maxRatePerMinute);
        }

        return new Tariff(list, source);
    }

    private static TariffRow ParseRow(CsvRow csv, string source, MicroDollars? maxRatePerMinute)
    {
        var f = csv.Fields;
        CheckPrefix(f[0], source, csv.Line);
        var rate = ParseMoney(f[2], "rate", source, csv.Line);
        var connect = ParseMoney(f[3], "connect_fee", source, csv.Line);
        var first = ParseIncrement(f[4], "first_increment", source, csv.Line);
        var next = ParseIncrement(f[5], "next_increment", source, csv.Line);
        var row = new TariffRow(f[0], f[1], rate, connect, first, next, csv.Line);
        CheckTerms(row, source, csv.Line, maxRatePerMinute);
        return row;
    }

    private static void CheckPrefix(string prefix, string source, long line)
    {
        if (prefix.Length is 0 or > Numbering.NormalizedNumber.MaxDigits || !prefix.All(char.IsAsciiDigit))
        {
            throw new CsvFormatException(source, line, "prefix", $"'{prefix}' is not a prefix (1 to 15 digits)");
        }
    }

    private static MicroDollars ParseMoney(string text, string field, string source, long line) =>
        MicroDollars.TryParse(text, out var value)
            ? value
            : throw new CsvFormatException(source, line, field,
                $"'{text}' is not a non-negative dollar amount with at most 6 decimals (e.g. 0.0125)");

    private static int ParseIncrement(string text, string field, string source, long line) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1
            ? value
            : throw new CsvFormatException(source, line, field, $"'{text}' is not a whole number of seconds, at least 1");

    /// <summary>
    /// Proves the rating kernel's unchecked charge arithmetic cannot overflow for this row: the numerator at the
    /// longest billable call must fit a long. Billed seconds only grow with duration, so every call fits.
    /// </summary>
    private static void CheckTerms(TariffRow row, string source, long line, MicroDollars? maxRatePerMinute)
    {
        if (row.FirstIncrement < 1 || row.NextIncrement < 1)
        {
            throw new CsvFormatException(source, line, row.FirstIncrement < 1 ? "first_increment" : "next_increment", "increments are at least 1 second");
        }

        if (row.RatePerMinute.Value < 0 || row.ConnectFee.Value < 0)
        {
            throw new CsvFormatException(source, line, row.RatePerMinute.Value < 0 ? "rate" : "connect_fee", "amounts cannot be negative");
        }

        if (maxRatePerMinute is { } cap && row.RatePerMinute > cap)
        {
            throw new CsvFormatException(source, line, "rate",
                $"{row.RatePerMinute} per minute is above the sanity cap of {cap} (--max-rate); check it is not cents written as dollars or a price per hour, or pass --allow-high-rates if it is meant");
        }

        var longest = BillingIncrements.BilledSeconds(BillingIncrements.MaxDurationSeconds, row.FirstIncrement, row.NextIncrement);
        try
        {
            _ = ChargeCalculator.RoundedUpNumerator(row.RatePerMinute, row.ConnectFee, longest);
        }
        catch (OverflowException)
        {
            throw new CsvFormatException(source, line, "rate", "rate and connect fee are too large to price a 24-hour call exactly");
        }
    }
}
