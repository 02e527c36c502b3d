using System.Globalization;
using System.Security.Cryptography;
using Centrex.Rating.Tariffs;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Portal.Data;

/// <summary>
/// Tariffs the operator uploads (issue 16: "upload a tariff CSV: validated with the same messages as <c>rate</c>,
/// previewed, activated at a date"), in <c>DATA/tariffs/</c>: an upload that passes <see cref="TariffLoader"/> (the
/// parser and checks of <c>centrex rate</c>, sanity cap included) waits as <c>pending-TOKEN.csv</c> for the operator to
/// look at it, then is scheduled as <c>YYYY-MM-DD.csv</c>, the day it takes effect (one tariff per day; a later upload for
/// the same day replaces it). <see cref="ActiveOn"/> names the tariff in force on a day: a day is a UTC day, so a
/// tariff dated D prices the calls that start from D 00:00 UTC on; one activated on its own day prices the calls that
/// start from the moment it was activated (kept beside it as <c>YYYY-MM-DD.from</c>), so a call already up is never
/// re-rated by it. <c>serve</c> rates with these files (<see cref="Changed"/> tells it of an activation, which it
/// applies at once). Uploads never activated are not kept for ever (review of issue 16, finding 13: each up to 32 MiB,
/// never deleted): one older than <see cref="PendingFor"/> is deleted at the next upload, and at most
/// <see cref="MaxPending"/> are kept (the oldest goes first).
/// </summary>
public sealed class TariffStore(string dataDirectory)
{
    /// <summary>A scheduled tariff: the day it is dated, and the instant it takes effect (<see cref="Start"/> of that day, or the moment it was activated on that day).</summary>
    public sealed record Scheduled(LocalDate From, string Path, long Bytes)
    {
        /// <summary>When calls start to be rated with it.</summary>
        public Instant Effective { get; init; } = Start(From);
    }

    /// <summary>How long an upload waits to be activated.</summary>
    public static readonly Duration PendingFor = Duration.FromDays(1);

    /// <summary>Uploads kept waiting at most.</summary>
    public const int MaxPending = 10;

    /// <summary>The clock the age of an upload is read against.</summary>
    public IClock Clock { get; init; } = SystemClock.Instance;

    /// <summary>The sanity cap on a rate per minute uploads are checked against: <c>serve</c>'s <c>--max-rate-per-minute</c>.</summary>
    public Rating.Money.MicroDollars? MaxRatePerMinute { get; set; } = TariffLoader.DefaultMaxRatePerMinute;

    /// <summary>
    /// Called after an activation, before the page or API answers: <c>serve</c> reloads the schedule it rates with.
    /// It answers null when the schedule is in force, or why not (shown to the operator).
    /// </summary>
    public Func<string?>? Changed { get; set; }

    /// <summary>Whether the running <c>serve</c> rates calls with these tariffs (false: it was started without a tariff).</summary>
    public bool Rating => Changed is not null;

    /// <summary>The first instant of <paramref name="day"/>, when a tariff dated that day takes effect (UTC).</summary>
    public static Instant Start(LocalDate day) => day.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();

    private string Folder => System.IO.Path.Combine(dataDirectory, "tariffs");

    /// <summary>Checks <paramref name="content"/> as <c>rate</c> would and keeps it as pending; the token names it.</summary>
    /// <exception cref="Rating.Csv.CsvFormatException">The tariff is invalid: the line and field are named.</exception>
    public (string Token, Tariff Tariff) Upload(byte[] content, string fileName)
    {
        var tariff = TariffLoader.Parse(content, fileName, MaxRatePerMinute);
        Directory.CreateDirectory(Folder);
        Prune(MaxPending - 1);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        File.WriteAllBytes(Pending(token), content);
        return (token, tariff);
    }

    /// <summary>
    /// The pending upload <paramref name="token"/> read again (the preview, sorted and paged on the server), or null when
    /// there is none: never uploaded, or activated since.
    /// </summary>
    public Tariff? PendingTariff(string token, string fileName)
    {
        if (!IsToken(token) || !File.Exists(Pending(token)))
        {
            return null;
        }

        try
        {
            return TariffLoader.Parse(File.ReadAllBytes(Pending(token)), fileName, MaxRatePerMinute);
        }
        catch (Rating.Csv.CsvFormatException)
        {
            return null; // valid when uploaded; a lower rate cap since refuses it: upload again to see why
        }
        catch (FileNotFoundException)
        {
            return null; // activated between the check and the read
        }
    }

    /// <summary>
    /// Schedules the pending upload <paramref name="token"/> from <paramref name="from"/> on; false when there is no such
    /// upload. <paramref name="problem"/> is why the running switch cannot rate with it, or null when it does.
    /// </summary>
    /// <param name="token">The pending upload.</param>
    /// <param name="from">The day it takes effect: today or later.</param>
    /// <param name="now">The moment of the activation: a tariff dated today takes effect from it, not from 00:00 UTC
    /// (calls up since before it keep the tariff they were authorized with).</param>
    /// <param name="problem">Why the running switch cannot rate with it, or null when it does.</param>
    public bool Activate(string token, LocalDate from, Instant now, out string? problem)
    {
        problem = null;
        if (!IsToken(token) || !File.Exists(Pending(token)))
        {
            return false;
        }

        var day = LocalDatePattern.Iso.Format(from);
        var effective = System.IO.Path.Combine(Folder, day + ".from");
        if (from == now.InUtc().Date)
        {
            File.WriteAllText(effective, InstantPattern.ExtendedIso.Format(now)); // before the tariff: never in force from 00:00
        }
        else
        {
            File.Delete(effective);
        }

        File.Move(Pending(token), System.IO.Path.Combine(Folder, day + ".csv"), overwrite: true);
        problem = Changed is { } reload
            ? reload()
            : "serve was started without a tariff and does not rate calls: this tariff applies once serve is restarted";
        return true;
    }

    // Deletes the uploads older than PendingFor, then the oldest until at most keep are left. An upload being activated
    // at the same moment is moved or gone: either is fine (Activate answers "no such upload" for a deleted one).
    private void Prune(int keep)
    {
        var expired = (Clock.GetCurrentInstant() - PendingFor).ToDateTimeUtc();
        var pending = Directory.GetFiles(Folder, "pending-*.csv").Select(p => (Path: p, Written: File.GetLastWriteTimeUtc(p))).OrderBy(p => p.Written).ToList();
        for (var i = 0; i < pending.Count; i++)
        {
            if (pending[i].Written < expired || pending.Count - i > keep)
            {
                File.Delete(pending[i].Path);
            }
        }
    }

    /// <summary>Every scheduled tariff, earliest first.</summary>
    public IReadOnlyList<Scheduled> List()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        return [.. Directory.GetFiles(Folder, "????-??-??.csv")
            .Select(path => (path, parsed: LocalDatePattern.Iso.Parse(System.IO.Path.GetFileNameWithoutExtension(path))))
            .Where(x => x.parsed.Success)
            .Select(x => new Scheduled(x.parsed.Value, x.path, new FileInfo(x.path).Length) { Effective = EffectiveOf(x.parsed.Value, x.path) })
            .OrderBy(s => s.From)];
    }

    /// <summary>The tariff in force on <paramref name="day"/>: the latest scheduled on or before it, or null.</summary>
    public Scheduled? ActiveOn(LocalDate day) => List().LastOrDefault(s => s.From <= day);

    /// <summary>When the tariff at <paramref name="path"/>, dated <paramref name="day"/>, takes effect (<see cref="Activate"/>).</summary>
    private static Instant EffectiveOf(LocalDate day, string path)
    {
        var from = System.IO.Path.ChangeExtension(path, ".from");
        var parsed = File.Exists(from) ? InstantPattern.ExtendedIso.Parse(File.ReadAllText(from).Trim()) : null;
        return parsed is { Success: true } && parsed.Value.InUtc().Date == day ? parsed.Value : Start(day);
    }

    // A token is what Upload made (24 lowercase hex digits), so a URL's text never names another file.
    private static bool IsToken(string token) => token.Length == 24 && token.All(char.IsAsciiHexDigitLower);

    private string Pending(string token) => System.IO.Path.Combine(Folder, string.Create(CultureInfo.InvariantCulture, $"pending-{token}.csv"));
}
