using System.Diagnostics;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Portal.Tests.Support;

/// <summary>
/// <see cref="ZonedServer"/>'s data and serve on a clock of their own, set to the 12th of a month at 12:00 UTC (the
/// first such moment from now on), so that what depends on today's date is the same on every day of the year: the
/// invoice of the month before is due after today (the 30th of the month, or the 1st or 2nd of the next after February)
/// and the one before that was due before it (by the 2nd at the latest). On the real date, the last month's invoice is
/// overdue on every 31st (nothing monthly is due after the 30th) and on the 30th from 15:00 UTC in Tokyo, and the month
/// before's is still unpaid on the 1st and 2nd of March. Every command and serve run under libfaketime (Debian
/// <c>faketime</c>, installed by test.sh; <c>FAKETIME=@...</c>: the clock starts at that moment and runs on, the
/// monotonic clock untouched), the real program otherwise. The moment is never before now, so the session cookies
/// serve sets (eight hours from its now) stay valid for the test's HTTP client on the real clock.
/// <para>
/// Two more customers for the currency tests (ISO 4217 decimals): CUST-JPN (JPY, Asia/Tokyo, login <c>jpn</c>, lines
/// JPN-1 and JPN-2, both on discount plan DP-JP) and CUST-KWT (KWD, Asia/Kuwait, login <c>kwt</c>, line KWT-1). JPN-2
/// calls Japan for ten minutes in the second month (60 yen, unpaid); JPN-1's calls of the last billed month go to
/// Japan at 6 a minute (whole yen: 60 and 126) and to North America at 0.06 (0.600 yen): that invoice's total is
/// 186.600, its amount due 247 (246.600 with the second month's 60, rounded). KWT-1 calls Kuwait at 0.1234 for ten
/// minutes: 1.234 dinars.
/// </para>
/// </summary>
public sealed class BillingDayServer : ZonedServer
{
    private static readonly string FakeTime = Directory.EnumerateFiles("/usr/lib", "libfaketime.so.1", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }).FirstOrDefault()
        ?? throw new InvalidOperationException("libfaketime is not installed: run ./test.sh (it installs Debian's faketime) or apt-get install faketime");

    public override Instant Now { get; } = Twelfth(TestsNow());

    /// <summary>Serve's date (UTC; the 12th: the same date in every customer's zone at 12:00 UTC).</summary>
    public LocalDate Today => Now.InUtc().Date;

    protected override string MoreTariff => "81,Japan,6.0000,0,60,60\n965,Kuwait,0.1234,0,60,60\n";

    protected override string MoreCustomers =>
        ",\n" + Customer("CUST-JPN", "Nihon Shoji KK", "JPY", "Asia/Tokyo", "JP") + ",\n" + Customer("CUST-KWT", "Gulf Trading WLL", "KWD", "Asia/Kuwait", "KW");

    protected override string MoreAccounts =>
        ",\n" + Line("JPN-1", "CUST-JPN", "jpn1", "401", DpJp) + ",\n" + Line("JPN-2", "CUST-JPN", "jpn2", "402", DpJp) + ",\n" + Line("KWT-1", "CUST-KWT", "kwt1", "501");

    // A volume discount on calls to Japan whose only tier is out of reach (nothing is discounted): its tables have two lines.
    protected override string MoreProvisioning => """
        ,
        "discount_plans": [ { "id": "DP-JP", "name": "Japan volume", "destination_group": { "name": "Japan", "prefixes": ["81"], "classes": [] },
          "basis": "minutes", "thresholds": [ { "from": 60000000, "percent": "10" } ], "precedence": 10, "combinable": true } ]
        """;

    private const string DpJp = ", \"discount_plans\": [\"DP-JP\"]";

    protected override IEnumerable<string> MoreCalls =>
    [
        $"jpn-a,JPN-1,401,+81312345678,{At(Months[2], 5, 1, 0)},600",
        $"jpn-b,JPN-1,401,+81312345679,{At(Months[2], 6, 1, 0)},1234",
        $"jpn-c,JPN-1,401,2125550100,{At(Months[2], 7, 1, 0)},600",
        $"jpn-d,JPN-2,402,+81312345670,{At(Months[1], 5, 1, 0)},600",
        $"kwt-a,KWT-1,501,+96522345678,{At(Months[2], 5, 9, 0)},600",
    ];

    protected override async Task Arrange()
    {
        await base.Arrange();
        await AddLogin("jpn", "CUST-JPN", LoginPassword);
        await AddLogin("kwt", "CUST-KWT", LoginPassword);
    }

    protected override void Prepare(ProcessStartInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.Environment["LD_PRELOAD"] = FakeTime;
        info.Environment["FAKETIME"] = "@" + LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm:ss").Format(Now.InUtc().LocalDateTime);
        info.Environment["FAKETIME_DONT_FAKE_MONOTONIC"] = "1";
        info.Environment["TZ"] = "UTC"; // FAKETIME's moment is read in the process's zone
    }

    // The moment the tests start from: the system's, or CENTREX_TESTS_NOW (an ISO instant, e.g. 2026-12-31T12:00:00Z) to
    // run them as on a day that broke them (libfaketime under vstest does not start its test host).
    private static Instant TestsNow() => Environment.GetEnvironmentVariable("CENTREX_TESTS_NOW") is { Length: > 0 } text
        ? InstantPattern.General.Parse(text).GetValueOrThrow()
        : SystemClock.Instance.GetCurrentInstant();

    // The first 12th at 12:00 UTC at or after now.
    private static Instant Twelfth(Instant now)
    {
        var today = now.InUtc().Date;
        var candidate = new LocalDate(today.Year, today.Month, 12).At(new LocalTime(12, 0)).InUtc().ToInstant();
        return candidate >= now ? candidate : new LocalDate(today.Year, today.Month, 12).PlusMonths(1).At(new LocalTime(12, 0)).InUtc().ToInstant();
    }
}
