using Centrex.Portal.Data;
using Centrex.Rating;
using Centrex.Rating.Money;
using Centrex.Rating.Tariffs;
using NodaTime;

namespace Centrex.Cli;

/// <summary>
/// The operator's scheduled tariffs (<c>DATA/tariffs/YYYY-MM-DD.csv</c>, written by the portal's Tariffs page and API,
/// issue 16) as the <see cref="TariffSchedule"/> <c>serve</c> rates with: each from 00:00 UTC of its day, or from the
/// moment it was activated on its own day (<see cref="TariffStore.Scheduled.Effective"/>).
/// </summary>
internal static class TariffScheduleFiles
{
    /// <summary>
    /// How long a tariff is kept after a later one took its place: the charge of a call up when it was replaced still
    /// needs it. As long as the account rules' history (<see cref="Rater.RulesKeptTicks"/>): longer than the switch lets a
    /// charged call last (120 minutes).
    /// </summary>
    public static readonly Duration SupersededKept = Duration.FromTicks(Rater.RulesKeptTicks);

    /// <summary>
    /// The scheduled tariffs over <paramref name="root"/> as of <paramref name="now"/>, or null when none is. Only the
    /// tariff in force and the future ones must load. A superseded tariff that no longer loads (the cap was lowered, a
    /// file damaged) is logged and skipped: it could stop nothing but the rating of calls long over. A superseded tariff
    /// replaced longer ago than <see cref="SupersededKept"/> is not kept in memory at all (a CDR sent later for a call of
    /// its time is priced by the oldest tariff kept, or <c>--tariff</c>). A future tariff that does not load is left out
    /// of the schedule, logged, and named in <paramref name="problems"/>: serve keeps serving, and the operator is told.
    /// </summary>
    /// <exception cref="Rating.Csv.CsvFormatException">The tariff in force is invalid (file, line and field named, as <c>rate</c> names them).</exception>
    public static TariffSchedule? Load(TariffStore store, Rater root, MicroDollars? maxRatePerMinute, Instant now, TextWriter log, List<string>? problems = null)
    {
        var scheduled = store.List().OrderBy(s => s.Effective).ToList();
        var inForce = scheduled.FindLastIndex(s => s.Effective <= now);
        var tariffs = new List<(long, Tariff)>();
        for (var i = 0; i < scheduled.Count; i++)
        {
            var s = scheduled[i];
            if (i < inForce && scheduled[i + 1].Effective < now - SupersededKept)
            {
                continue; // no call still up can have started under it
            }

            try
            {
                tariffs.Add((s.Effective.ToUnixTimeSeconds(), TariffLoader.Load(s.Path, maxRatePerMinute)));
            }
            catch (Exception e) when (i != inForce && e is Rating.Csv.CsvFormatException or IOException or UnauthorizedAccessException)
            {
                var what = i < inForce ? "a superseded scheduled tariff was skipped" : "a future scheduled tariff was REFUSED and will not take effect";
                log.WriteLine($"centrex serve: {what}: {e.Message}");
                if (i > inForce)
                {
                    problems?.Add($"the tariff scheduled from {s.From:yyyy'-'MM'-'dd} cannot be used and will not take effect: {e.Message}");
                }
            }
        }

        return tariffs.Count == 0 ? null : new TariffSchedule(root, tariffs);
    }

    /// <summary>The scheduled tariff <c>serve</c> takes as its default without <c>--tariff</c>: the one in force at <paramref name="now"/>, else the first to come.</summary>
    public static string? DefaultPath(TariffStore store, Instant now)
    {
        var scheduled = store.List().OrderBy(s => s.Effective).ToList();
        return (scheduled.LastOrDefault(s => s.Effective <= now) ?? scheduled.FirstOrDefault())?.Path;
    }

    /// <summary>
    /// Makes <paramref name="store"/>'s activations take effect in <paramref name="rater"/> at once: the whole schedule is
    /// read again and swapped in (a call being rated sees the old schedule or the new one). A schedule that cannot be
    /// read leaves the previous one in force and says why. Reloads are serialized: activations arrive on request threads
    /// at once, and without it a reload that read the folder before another activation's file was in place could publish
    /// after that activation's own reload, and lose it. The reload that publishes last began after every file it must
    /// see was moved in (each activation moves its file before it asks for a reload).
    /// </summary>
    public static void Follow(TariffStore store, Rater rater, MicroDollars? maxRatePerMinute, TextWriter log, IClock clock)
    {
        var gate = new Lock();
        store.MaxRatePerMinute = maxRatePerMinute;
        store.Changed = () =>
        {
            lock (gate)
            {
                try
                {
                    var problems = new List<string>();
                    rater.Schedule = Load(store, rater, maxRatePerMinute, clock.GetCurrentInstant(), log, problems);
                    log.WriteLine($"centrex serve: tariff schedule reloaded: {rater.Schedule?.Count ?? 0} scheduled");
                    return problems.Count == 0 ? null : string.Join("; ", problems);
                }
                catch (Exception e) when (e is Rating.Csv.CsvFormatException or IOException or UnauthorizedAccessException)
                {
                    log.WriteLine($"centrex serve: the tariff schedule was not reloaded, the previous one stays in force: {e.Message}");
                    return "it could not be read, the previous schedule stays in force: " + e.Message;
                }
            }
        };
    }
}
