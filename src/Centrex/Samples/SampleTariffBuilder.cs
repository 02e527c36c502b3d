using System.Globalization;
using System.Text;
using Centrex.Rating.Csv;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;

namespace Centrex.Samples;

/// <summary>
/// Builds a realistic sample tariff: the North America rate, toll-free numbers at a rate of their own, each NANP-international area code
/// (with mobile sub-ranges) at international rates, and country, mobile and regional prefixes up to the requested size.
/// </summary>
internal static class SampleTariffBuilder
{
    private const string Header = "prefix,destination,rate,connect_fee,first_increment,next_increment";

    /// <summary>Writes a tariff of at least <paramref name="targetPrefixes"/> rows (more if the fixed rows exceed it).</summary>
    public static int Write(string path, int targetPrefixes)
    {
        var rows = Build(targetPrefixes);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.NewLine = "\n";
        writer.WriteLine(Header);
        foreach (var row in rows)
        {
            writer.WriteLine(row);
        }

        return rows.Count;
    }

    /// <summary>The tariff rows as CSV lines.</summary>
    public static List<string> Build(int targetPrefixes)
    {
        var rows = new List<string>
        {
            Row("1", "United States and Canada", 10_000, 0, 6, 6),
            Row("1907", "United States - Alaska", 25_000, 0, 6, 6),
            Row("1808", "United States - Hawaii", 20_000, 0, 6, 6),
        };

        // Seed 001, "Why am I being billed for toll free calls?": "All calls placed to toll free numbers are billed at the
        // rates listed on the International Rates plan page." The seed lists no figure: 0.025/min, like a domestic call.
        foreach (var npa in NpaTable.DefaultTollFree.Npas.Order())
        {
            rows.Add(Row($"1{npa}", $"Toll-free ({npa})", 25_000, 0, 6, 6));
        }

        foreach (var (npa, name) in NpaTable.DefaultNanpInternational.Names.OrderBy(n => n.Key))
        {
            var fixedRate = 90_000 + (npa % 7 * 15_000);
            rows.Add(Row($"1{npa}", name, fixedRate, 0, 60, 60));
            rows.Add(Row($"1{npa}3", name + " - Mobile", fixedRate + 60_000, 0, 60, 60));
            rows.Add(Row($"1{npa}8", name + " - Mobile", fixedRate + 60_000, 0, 60, 60));
        }

        rows.Add(Row("4490", "United Kingdom - \"Premium\" services", 1_500_000, 100_000, 60, 60));
        foreach (var country in SampleCountries.All)
        {
            var (first, next) = Increments(country.Code);
            var connect = country.FixedRate >= 500_000 ? 20_000 : 0;
            rows.Add(Row(country.Code, country.Name, country.FixedRate, connect, first, next));
            foreach (var lead in country.MobileLeadDigits)
            {
                rows.Add(Row(country.Code + lead, country.Name + " - Mobile", country.MobileRate, connect, first, next));
            }
        }

        // Regional and operator ranges (two digits after the country code) fill the tariff to its target size.
        for (var range = 0; range < 100 && rows.Count < targetPrefixes; range++)
        {
            foreach (var country in SampleCountries.All)
            {
                if (rows.Count >= targetPrefixes)
                {
                    break;
                }

                var digits = range.ToString("D2", CultureInfo.InvariantCulture);
                if (country.Code == "44" && digits == "90")
                {
                    continue; // already the premium range
                }

                var mobile = country.MobileLeadDigits.Contains(digits[0], StringComparison.Ordinal);
                var rate = (mobile ? country.MobileRate : country.FixedRate) + ((range % 5) * 1_000);
                var (first, next) = Increments(country.Code);
                rows.Add(Row(country.Code + digits, $"{country.Name} - {(mobile ? "Mobile" : "Fixed")} {digits}", rate, 0, first, next));
            }
        }

        return rows;
    }

    private static (int First, int Next) Increments(string countryCode) => (countryCode.Length % 3) switch
    {
        0 => (60, 60),
        1 => (30, 6),
        _ => (1, 1),
    };

    private static string Row(string prefix, string destination, long rate, long connect, int first, int next) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{prefix},{CsvText.Escape(destination)},{new MicroDollars(rate)},{new MicroDollars(connect)},{first},{next}");
}
