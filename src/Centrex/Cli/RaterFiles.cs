using Centrex.Rating;
using Centrex.Rating.Numbering;
using Centrex.Rating.Tariffs;

namespace Centrex.Cli;

/// <summary>Builds the rating kernel from a tariff file and the optional operator NPA tables (shipped ones otherwise).</summary>
internal static class RaterFiles
{
    /// <exception cref="Rating.Csv.CsvFormatException">The tariff or a table is invalid (file, line and field named).</exception>
    public static Rater Load(string tariff, string? tollFree, string? nanpInternational)
    {
        var plan = NumberingPlan.FromTables(
            tollFree is null ? NpaTable.DefaultTollFree : NpaTable.Load(tollFree),
            nanpInternational is null ? NpaTable.DefaultNanpInternational : NpaTable.Load(nanpInternational));
        return new Rater(TariffLoader.Load(tariff), plan);
    }
}
