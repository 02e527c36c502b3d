using Centrex.Portal.Data;
using Centrex.Rating;
using Centrex.Rating.Money;
using Centrex.Rating.Tariffs;

namespace Centrex.Cli;

/// <summary>
/// The operator's scheduled tariffs (<c>DATA/tariffs/YYYY-MM-DD.csv</c>, written by the portal's Tariffs page and API,
/// issue 16) as the <see cref="TariffSchedule"/> <c>serve</c> rates with: each from 00:00 UTC of its day.
/// </summary>
internal static class TariffScheduleFiles
{
    /// <summary>The scheduled tariffs over <paramref name="root"/>, or null when none is scheduled.</summary>
    /// <exception cref="Rating.Csv.CsvFormatException">A scheduled tariff is invalid (file, line and field named, as <c>rate</c> names them).</exception>
    public static TariffSchedule? Load(TariffStore store, Rater root, MicroDollars? maxRatePerMinute)
    {
        var scheduled = store.List();
        return scheduled.Count == 0 ? null
            : new TariffSchedule(root, scheduled.Select(s => (TariffStore.Start(s.From).ToUnixTimeSeconds(), TariffLoader.Load(s.Path, maxRatePerMinute))));
    }

    /// <summary>
    /// Makes <paramref name="store"/>'s activations take effect in <paramref name="rater"/> at once: the whole schedule is
    /// read again and swapped in (a call being rated sees the old schedule or the new one). A schedule that cannot be
    /// read leaves the previous one in force and says why.
    /// </summary>
    public static void Follow(TariffStore store, Rater rater, MicroDollars? maxRatePerMinute, TextWriter log)
    {
        store.MaxRatePerMinute = maxRatePerMinute;
        store.Changed = () =>
        {
            try
            {
                rater.Schedule = Load(store, rater, maxRatePerMinute);
                log.WriteLine($"centrex serve: tariff schedule reloaded: {rater.Schedule?.Count ?? 0} scheduled");
                return null;
            }
            catch (Exception e) when (e is Rating.Csv.CsvFormatException or IOException or UnauthorizedAccessException)
            {
                log.WriteLine($"centrex serve: the tariff schedule was not reloaded, the previous one stays in force: {e.Message}");
                return "it could not be read, the previous schedule stays in force: " + e.Message;
            }
        };
    }
}
