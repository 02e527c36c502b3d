using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Portal.Tests.Support;

/// <summary>
/// The real <c>centrex serve</c> over a data directory of its own, arranged through the commands as an operator would:
/// three customers far from the demo's, each with its currency and time zone, whose calls of the last three months are
/// rated (<c>rate --data</c>) and billed (<c>bill --period</c>, month by month), so their invoices have due dates
/// before and after today on the clock serve uses (the system's).
/// <list type="bullet">
/// <item>CUST-TYO (USD, Asia/Tokyo, login <c>tyo</c>): line TYO-1 (SIP <c>tyo1</c>, extension 101); calls at 03:00 UTC on
/// the 10th of the first two months, at 23:30 UTC on the second month's last day (the third month's first day in
/// Tokyo) and at 23:30 UTC on the third month's 15th (the 16th in Tokyo).</item>
/// <item>CUST-PAR (EUR, Europe/Paris, login <c>par</c>): lines PAR-1 (<c>par1</c>, 201, DID +14165550201: a number
/// another customer's line can dial on-net), and for the live tests, one line or two each: PAR-2 (<c>par2</c>, 202),
/// PAR-4 (204), PAR-5 (205, DID +14165550205), PAR-6 (206), PAR-7 (207) and PAR-8 (208), SIP user <c>parN</c>; calls at
/// 10:00 UTC on the 10th of each month.</item>
/// <item>CUST-NIL (CAD, Asia/Kolkata, login <c>nil</c>): a line that never calls.</item>
/// </list>
/// Every zone is at or east of UTC, so each month has ended in every zone once it has in UTC (bill refuses one that
/// has not). North America costs 0.06 a minute, by the minute.
/// </summary>
public class ZonedServer : PortalServer
{
    /// <summary>The SIP password of every line.</summary>
    public const string LinePassword = "zoned-line-secret";

    /// <summary>The password of every login.</summary>
    public const string LoginPassword = "zoned-login-password";

    /// <summary>PAR-1's DID.</summary>
    public const string ParDid = "14165550201";

    /// <summary>The three months billed, oldest first (the three before this one, UTC, on <see cref="Now"/>).</summary>
    public YearMonth[] Months => field ??= ThreeMonths(Now);

    /// <summary>The time the data is arranged at, and serve's: the system's here.</summary>
    public virtual Instant Now => SystemClock.Instance.GetCurrentInstant();

    /// <summary>More tariff rows (CSV lines), customers and lines (JSON objects, each after a comma), CDRs (CSV lines).</summary>
    protected virtual string MoreTariff => string.Empty;

    /// <inheritdoc cref="MoreTariff"/>
    protected virtual string MoreCustomers => string.Empty;

    /// <inheritdoc cref="MoreTariff"/>
    protected virtual string MoreAccounts => string.Empty;

    /// <inheritdoc cref="MoreTariff"/>
    protected virtual IEnumerable<string> MoreCalls => [];

    /// <summary>More top-level members of the provisioning document (each after a comma).</summary>
    protected virtual string MoreProvisioning => string.Empty;

    protected override string Tariff => Path.Combine(Data, "tariff.csv");

    /// <summary>TYO-1's call at 23:30 UTC on the second month's last day: the third month's first day in Tokyo.</summary>
    public Instant TokyoEdgeCall => Months[2].OnDayOfMonth(1).PlusDays(-1).At(new LocalTime(23, 30)).InUtc().ToInstant();

    /// <summary>TYO-1's last call: the third month's 15th at 23:30 UTC.</summary>
    public Instant TokyoLateCall => Months[2].OnDayOfMonth(15).At(new LocalTime(23, 30)).InUtc().ToInstant();

    protected override async Task Arrange()
    {
        var provisioning = Path.Combine(Data, "zoned.json");
        await File.WriteAllTextAsync(provisioning, Provisioning());
        var import = await RunHere(null, "provision", "import", "--data", Data, provisioning);
        Assert.True(import.Exit == 0, import.Error);
        await File.WriteAllTextAsync(Tariff, "prefix,destination,rate,connect_fee,first_increment,next_increment\n1,North America,0.0600,0,60,60\n" + MoreTariff);

        var cdrs = Path.Combine(Data, "calls.csv");
        await File.WriteAllTextAsync(cdrs, Calls());
        var rate = await RunHere(null, "rate", "--data", Data, "--tariff", Tariff, "--cdrs", cdrs, "--out", Path.Combine(Data, "rated.csv"), "--rejects", Path.Combine(Data, "rejects.csv"));
        Assert.True(rate.Exit == 0, rate.Error);
        foreach (var month in Months)
        {
            var bill = await RunHere(null, "bill", "--data", Data, "--period", YearMonthPattern.Iso.Format(month));
            Assert.True(bill.Exit == 0, bill.Error);
        }

        await AddLogin("operator", null, LoginPassword);
        await AddLogin("tyo", "CUST-TYO", LoginPassword);
        await AddLogin("par", "CUST-PAR", LoginPassword);
        await AddLogin("nil", "CUST-NIL", LoginPassword);
    }

    private static YearMonth[] ThreeMonths(Instant now)
    {
        var today = now.InUtc().Date;
        var month = new YearMonth(today.Year, today.Month);
        return [month.PlusMonths(-3), month.PlusMonths(-2), month.PlusMonths(-1)];
    }

    private string Calls()
    {
        string Utc(Instant instant) => InstantPattern.General.Format(instant);
        var (a, b, c) = (Months[0], Months[1], Months[2]);
        return string.Join('\n', (string[])[
            "id,account,caller,callee,start,duration",
            $"tyo-a,TYO-1,101,2125550100,{At(a, 10, 3, 0)},600",
            $"tyo-b,TYO-1,101,2125550100,{At(b, 10, 3, 0)},1200",
            $"tyo-edge,TYO-1,101,2125550100,{Utc(TokyoEdgeCall)},60",
            $"tyo-c,TYO-1,101,2125550100,{Utc(TokyoLateCall)},1800",
            $"par-a,PAR-1,201,2125550100,{At(a, 10, 10, 0)},600",
            $"par-b,PAR-1,201,2125550100,{At(b, 10, 10, 0)},1200",
            $"par-c,PAR-1,201,2125550100,{At(c, 10, 10, 0)},1800",
            .. MoreCalls,
            string.Empty]);
    }

    /// <summary>A customer of <see cref="Provisioning"/>.</summary>
    protected static string Customer(string id, string company, string currency, string zone, string country) =>
        $$"""{ "id": "{{id}}", "company": "{{company}}", "contact": "Accounts", "email": "ap@{{id.ToLowerInvariant()}}.example", "currency": "{{currency}}", "time_zone": "{{zone}}", "send_statistic": "full", "address": { "street": "1 Main", "city": "City", "country": "{{country}}", "postal_code": "000" } }""";

    /// <summary>A line of <see cref="Provisioning"/>: credit, a credit limit of 100.</summary>
    protected static string Line(string id, string customer, string user, string extension, string dids = "") =>
        $$"""{ "id": "{{id}}", "customer": "{{customer}}", "type": "credit", "credit_limit": "100.00", "extension": "{{extension}}", "sip": { "username": "{{user}}", "ha1_md5": "{{Ha1(user)}}" } {{dids}} }""";

    private static string Ha1(string user) => Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"{user}:centrex:{LinePassword}")));

    /// <summary>A CDR's start as the CDR file writes it.</summary>
    protected static string At(YearMonth month, int day, int hour, int minute) =>
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss'Z'").Format(month.OnDayOfMonth(day).At(new LocalTime(hour, minute)));

    private string Provisioning()
    {
        return $$"""
            { "format": "centrex-provisioning/1",
              "switch": { "realm": "centrex", "digest_algorithms": ["MD5"] },
              "customers": [
                {{Customer("CUST-TYO", "Tokyo Trading KK", "USD", "Asia/Tokyo", "JP")}},
                {{Customer("CUST-PAR", "Atelier de Paris SARL", "EUR", "Europe/Paris", "FR")}},
                {{Customer("CUST-NIL", "Quiet Co", "CAD", "Asia/Kolkata", "IN")}}{{MoreCustomers}} ],
              "accounts": [
                {{Line("TYO-1", "CUST-TYO", "tyo1", "101")}},
                {{Line("PAR-1", "CUST-PAR", "par1", "201", $", \"dids\": [\"+{ParDid}\"]")}},
                {{Line("PAR-2", "CUST-PAR", "par2", "202")}},
                {{Line("PAR-4", "CUST-PAR", "par4", "204")}},
                {{Line("PAR-5", "CUST-PAR", "par5", "205", ", \"dids\": [\"+14165550205\"]")}},
                {{Line("PAR-6", "CUST-PAR", "par6", "206")}},
                {{Line("PAR-7", "CUST-PAR", "par7", "207")}},
                {{Line("PAR-8", "CUST-PAR", "par8", "208")}},
                {{Line("NIL-1", "CUST-NIL", "nil1", "301")}}{{MoreAccounts}} ]{{MoreProvisioning}} }
            """;
    }

    /// <summary>An amount in mills as the operator's payment form takes it (<c>1.86</c>).</summary>
    public static string Cents(long mills) => (mills / 1000m).ToString("0.00", CultureInfo.InvariantCulture);
}
