using Centrex.Rating;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;
using Centrex.Rating.Tariffs;

namespace Centrex.Cli;

/// <summary>Builds the rating kernel from a tariff file and the optional operator NPA tables (shipped ones otherwise).</summary>
internal static class RaterFiles
{
    /// <param name="tariff">Tariff file.</param>
    /// <param name="tollFree">Operator's toll-free NPA table, or null.</param>
    /// <param name="nanpInternational">Operator's NANP-international NPA table, or null.</param>
    /// <param name="maxRatePerMinute">The tariff's sanity cap on a rate (issue 13); null for none.</param>
    /// <exception cref="Rating.Csv.CsvFormatException">The tariff or a table is invalid (file, line and field named).</exception>
    public static Rater Load(string tariff, string? tollFree, string? nanpInternational, MicroDollars? maxRatePerMinute)
    {
        var plan = NumberingPlan.FromTables(
            tollFree is null ? NpaTable.DefaultTollFree : NpaTable.Load(tollFree),
            nanpInternational is null ? NpaTable.DefaultNanpInternational : NpaTable.Load(nanpInternational));
        return new Rater(TariffLoader.Load(tariff, maxRatePerMinute), plan);
    }
}
