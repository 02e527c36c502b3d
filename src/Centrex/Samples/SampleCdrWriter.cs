using System.Globalization;
using System.Text;
using Centrex.Rating.Numbering;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Samples;

/// <summary>
/// Writes a realistic sample CDR file: calls spread over a month in start order for a few accounts, dialed the ways
/// people dial (10-digit, 1+10, +1, 011 and 00 international), durations skewed short with a long tail, a share of
/// unanswered zero-second calls, and a small share of bad rows of every reject reason. Deterministic for a seed.
/// Integer arithmetic only, like the rest of the money and time path.
/// </summary>
internal sealed class SampleCdrWriter(int seed)
{
    private static readonly int[] DomesticNpas = [212, 213, 305, 312, 403, 415, 416, 418, 438, 503, 514, 604, 613, 617, 647, 702, 713, 780, 902, 905];
    private static readonly OffsetDateTimePattern StartPattern =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<Z+HH:mm>");

    private static readonly Offset[] Offsets = [Offset.Zero, Offset.Zero, Offset.Zero, Offset.FromHours(-5), Offset.FromHours(-8), Offset.FromHoursAndMinutes(5, 30)];

    private readonly Random _random = new(seed);
    private readonly int[] _nanpInternational = [.. NpaTable.DefaultNanpInternational.Npas.Order()];
    private readonly int[] _tollFree = [.. NpaTable.DefaultTollFree.Npas.Order()];

    /// <summary>Writes the file; returns the number of data rows written.</summary>
    public long Write(string path, CdrSampleSpec spec)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        writer.NewLine = "\n";
        writer.WriteLine("id,account,caller,callee,start,duration");

        var monthStart = spec.Month.OnDayOfMonth(1).AtMidnight().InUtc().ToInstant();
        var monthSeconds = CalendarSystem.Iso.GetDaysInMonth(spec.Month.Year, spec.Month.Month) * (long)NodaConstants.SecondsPerDay;
        var callers = Enumerable.Range(0, spec.Accounts).Select(a => $"+1416555{1000 + a:D4}").ToArray();
        var lastGood = string.Empty;
        for (long n = 0; n < spec.Rows; n++)
        {
            // Spread starts evenly in file order, with jitter that keeps them sorted.
            var slot = monthSeconds * n / Math.Max(1, spec.Rows);
            var start = monthStart + Duration.FromSeconds(slot);
            var account = (int)(n % spec.Accounts);
            var id = $"cdr-{n + 1:D9}";
            var line = Row(id, $"ACC-{1001 + account}", callers[account], Callee(), start, CallDuration().ToString(CultureInfo.InvariantCulture));
            if (_random.Next(10_000) < spec.BadRowsPerTenThousand)
            {
                line = BadRow(id, lastGood, callers[account], start);
            }
            else
            {
                lastGood = line;
            }

            writer.WriteLine(line);
        }

        return spec.Rows;
    }

    private string Row(string id, string account, string caller, string callee, Instant start, string duration = "60")
    {
        var offset = Offsets[_random.Next(Offsets.Length)];
        return string.Create(CultureInfo.InvariantCulture, $"{id},{account},{caller},{callee},{StartPattern.Format(start.WithOffset(offset))},{duration}");
    }

    private string BadRow(string id, string lastGood, string caller, Instant start) => _random.Next(9) switch
    {
        0 => Row(id, "ACC-1001", caller, "555-1234", start), // dialed with punctuation
        1 => Row(id, "ACC-1001", caller, "12125551", start), // truncated NANP number
        2 => string.Create(CultureInfo.InvariantCulture, $"{id},ACC-1001,{caller},2125551234,2026-13-01T00:00:00Z,60"),
        3 => string.Create(CultureInfo.InvariantCulture, $"{id},ACC-1001,{caller},2125551234,{StartPattern.Format(start.WithOffset(Offset.Zero))}"),
        4 => Row(id, "ACC-1001", caller, "2125551234", start, "12.5"), // fractional seconds
        5 => Row(string.Empty, "ACC-1001", caller, "2125551234", start), // no id
        6 when lastGood.Length > 0 => lastGood, // the same CDR sent twice
        7 => Row(id, "ACC-1001", caller, $"+8821{Digits(8, firstNonZero: true)}", start, "45"), // satellite: not in the tariff
        _ => Row(id, "\"ACC-1001, Suite \"\"B\"\"\"", caller, "+33" + Digits(9, firstNonZero: true), start, "30"), // valid, quoted account
    };

    private string Callee()
    {
        var pick = _random.Next(100);
        return pick switch
        {
            < 55 => $"{DomesticNpas[_random.Next(DomesticNpas.Length)]}{Digits(7, firstNonZero: true)}",
            < 65 => $"1{DomesticNpas[_random.Next(DomesticNpas.Length)]}{Digits(7, firstNonZero: true)}",
            < 70 => $"+1{DomesticNpas[_random.Next(DomesticNpas.Length)]}{Digits(7, firstNonZero: true)}",
            < 76 => $"1{_tollFree[_random.Next(_tollFree.Length)]}{Digits(7, firstNonZero: true)}",
            < 83 => $"{_nanpInternational[_random.Next(_nanpInternational.Length)]}{Digits(7, firstNonZero: true)}",
            _ => International(),
        };
    }

    private string International()
    {
        var country = SampleCountries.All[_random.Next(SampleCountries.All.Count)];
        var dialPrefix = _random.Next(3) switch { 0 => "011", 1 => "00", _ => "+" };
        return dialPrefix + country.Code + Digits(country.SubscriberDigits, firstNonZero: true);
    }

    /// <summary>Unanswered 8% (0 s); otherwise mostly one to five minutes with a long tail up to two hours.</summary>
    private int CallDuration()
    {
        if (_random.Next(100) < 8)
        {
            return 0;
        }

        var seconds = 1 + _random.Next(60) + _random.Next(120) + _random.Next(180);
        return _random.Next(20) == 0 ? seconds + _random.Next(7_200 - seconds) : seconds;
    }

    private string Digits(int count, bool firstNonZero = false)
    {
        Span<char> digits = stackalloc char[count];
        for (var i = 0; i < count; i++)
        {
            digits[i] = (char)('0' + (i == 0 && firstNonZero ? _random.Next(2, 10) : _random.Next(10)));
        }

        return new string(digits);
    }
}
