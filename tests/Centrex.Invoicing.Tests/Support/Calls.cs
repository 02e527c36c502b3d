using Centrex.Rating.Cdrs;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;
using NodaTime;

namespace Centrex.Invoicing.Tests.Support;

/// <summary>Rated calls made by code for tests (never committed data).</summary>
internal static class Calls
{
    private static int _next;

    public static RatedCdr Domestic(string account, Instant start, long billedSeconds, long chargeMills, long discountMills = 0) =>
        Make(account, start, billedSeconds, NumberClass.Domestic, "1", "United States and Canada", "14165550199", chargeMills, discountMills);

    public static RatedCdr International(string account, Instant start, long billedSeconds, long chargeMills, long discountMills = 0) =>
        Make(account, start, billedSeconds, NumberClass.International, "44", "United Kingdom", "442071234567", chargeMills, discountMills);

    public static RatedCdr Make(string account, Instant start, long billedSeconds, NumberClass cls, string prefix, string destination, string callee, long chargeMills, long discountMills = 0) =>
        new($"t-{Interlocked.Increment(ref _next):D8}", account, "+14165551000", callee, start, (int)billedSeconds, billedSeconds, cls, prefix, destination, new Mills(chargeMills), new Mills(discountMills));

    /// <summary>A realistic month of calls for some accounts, deterministic for a seed.</summary>
    public static List<RatedCdr> Month(IEnumerable<string> accounts, YearMonth month, int perAccount, int seed)
    {
        var random = new Random(seed);
        var start = month.OnDayOfMonth(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        var seconds = month.Calendar.GetDaysInMonth(month.Year, month.Month) * 86_400L;
        var destinations = new (NumberClass Class, string Prefix, string Name, string Callee, long MicroPerMinute)[]
        {
            (NumberClass.Domestic, "1", "United States and Canada", "16135550142", 10_000),
            (NumberClass.Domestic, "1907", "United States - Alaska", "19075550100", 25_000),
            (NumberClass.TollFree, "1800", "Toll-free (800)", "18005550100", 0),
            (NumberClass.NanpInternational, "1876", "Jamaica", "18765550100", 150_000),
            (NumberClass.International, "44", "United Kingdom", "442079460000", 12_000),
            (NumberClass.International, "33", "France - a destination name long enough to need cutting on the detail pages", "33142000000", 14_000),
        };
        var calls = new List<RatedCdr>();
        foreach (var account in accounts)
        {
            for (var i = 0; i < perAccount; i++)
            {
                var d = destinations[random.Next(destinations.Length)];
                var billed = random.Next(10) == 0 ? 0 : 6 * random.Next(1, 120);
                var charge = ((d.MicroPerMinute * billed) + 59_999) / 60_000;
                var discount = d.Class == NumberClass.International ? charge / 10 : 0;
                calls.Add(Make(account, start + Duration.FromSeconds(random.NextInt64(seconds)), billed, d.Class, d.Prefix, d.Name, d.Callee, charge, discount));
            }
        }

        return calls;
    }
}
