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
/// the same day replaces it). <see cref="ActiveOn"/> names the tariff in force on a day.
/// </summary>
public sealed class TariffStore(string dataDirectory)
{
    /// <summary>A scheduled tariff.</summary>
    public sealed record Scheduled(LocalDate From, string Path, long Bytes);

    private string Folder => System.IO.Path.Combine(dataDirectory, "tariffs");

    /// <summary>Checks <paramref name="content"/> as <c>rate</c> would and keeps it as pending; the token names it.</summary>
    /// <exception cref="Rating.Csv.CsvFormatException">The tariff is invalid: the line and field are named.</exception>
    public (string Token, Tariff Tariff) Upload(byte[] content, string fileName)
    {
        var tariff = TariffLoader.Parse(content, fileName, TariffLoader.DefaultMaxRatePerMinute);
        Directory.CreateDirectory(Folder);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        File.WriteAllBytes(Pending(token), content);
        return (token, tariff);
    }

    /// <summary>Schedules the pending upload <paramref name="token"/> from <paramref name="from"/> on; false when there is no such upload.</summary>
    public bool Activate(string token, LocalDate from)
    {
        if (token.Length != 24 || !token.All(char.IsAsciiHexDigitLower) || !File.Exists(Pending(token)))
        {
            return false;
        }

        File.Move(Pending(token), System.IO.Path.Combine(Folder, LocalDatePattern.Iso.Format(from) + ".csv"), overwrite: true);
        return true;
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
            .Select(x => new Scheduled(x.parsed.Value, x.path, new FileInfo(x.path).Length))
            .OrderBy(s => s.From)];
    }

    /// <summary>The tariff in force on <paramref name="day"/>: the latest scheduled on or before it, or null.</summary>
    public Scheduled? ActiveOn(LocalDate day) => List().LastOrDefault(s => s.From <= day);

    private string Pending(string token) => System.IO.Path.Combine(Folder, string.Create(CultureInfo.InvariantCulture, $"pending-{token}.csv"));
}
