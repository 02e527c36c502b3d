using System.Globalization;
using System.Text;

namespace Centrex.Portal.Tests.Support;

/// <summary>
/// The real <c>centrex serve</c> over a ledger whose journal holds <see cref="Calls"/> rated calls of one line
/// (<see cref="Line"/>, customer CUST-VFY), charged with <c>rate --data</c> before serve starts, as an operator's
/// months of traffic would be: long enough that reading the journal again takes the verify seconds. The line has SIP
/// credentials, so serve runs its switch (and the base class sees it start).
/// </summary>
public sealed class LargeJournalServer : PortalServer
{
    /// <summary>Rated calls in the journal before serve starts.</summary>
    public const int Calls = 3_000_000;

    /// <summary>The line every call is charged to.</summary>
    public const string Line = "VFY-L1";

    /// <summary>The id of the <paramref name="i"/>-th call.</summary>
    public static string CallId(int i) => $"vfy-{i.ToString("D7", CultureInfo.InvariantCulture)}";

    protected override string Tariff => Path.Combine(Data, "tariff.csv");

    /// <summary>Serve opens a ledger of this size and starts its switch (a SIP line of the customer's) before answering: minutes on a busy two-core host.</summary>
    protected override TimeSpan StartTimeout => TimeSpan.FromMinutes(6);

    protected override async Task Arrange()
    {
        var provisioning = Path.Combine(Data, "vfy.json");
        await File.WriteAllTextAsync(provisioning, $$"""
            { "format": "centrex-provisioning/1",
              "switch": { "realm": "centrex", "digest_algorithms": ["MD5"] },
              "customers": [ { "id": "CUST-VFY", "company": "Verify Ltd", "contact": "Ana Lyst", "email": "ap@vfy.example", "currency": "USD", "time_zone": "America/Toronto",
                "address": { "street": "1 Test St", "city": "Toronto", "province": "ON", "country": "CA", "postal_code": "M5V 1A1" } } ],
              "accounts": [ { "id": "{{Line}}", "customer": "CUST-VFY", "type": "credit", "credit_limit": "100000000.00", "requires_911": false,
                "sip": { "username": "vfy1", "ha1_md5": "00000000000000000000000000000000" } } ] }
            """);
        var import = await Run(null, "provision", "import", "--data", Data, provisioning);
        Assert.True(import.Exit == 0, import.Error);
        await File.WriteAllTextAsync(Tariff, "prefix,destination,rate,connect_fee,first_increment,next_increment\n1,North America,0.0600,0,60,60\n");

        var cdrs = Path.Combine(Data, "calls.csv");
        var start = DateTimeOffset.UtcNow.AddDays(-20);
        await using (var writer = new StreamWriter(cdrs, false, new UTF8Encoding(false), 1 << 20))
        {
            await writer.WriteAsync("id,account,caller,callee,start,duration\n");
            for (var i = 0; i < Calls; i++)
            {
                var at = start.AddSeconds(i).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
                await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"{CallId(i)},{Line},14165550100,12125551234,{at},60\n"));
            }
        }

        var rate = await Run(null, "rate", "--data", Data, "--tariff", Tariff, "--cdrs", cdrs, "--out", Path.Combine(Data, "rated.csv"), "--rejects", Path.Combine(Data, "rejects.csv"));
        Assert.True(rate.Exit == 0, rate.Error);
        File.Delete(cdrs);
        File.Delete(Path.Combine(Data, "rated.csv"));
    }
}
