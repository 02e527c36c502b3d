namespace Centrex.Portal.Tests.Support;

/// <summary>
/// Three customers billed in three currencies with calls rated into a serve's own data directory (<c>rate --data</c>):
/// C-CA in dollars (one call, 0.123 and 0.020 of tax), C-JP in yen (126.123: a mill past 126 yen), C-KW in dinars
/// (1.234: the fils is the mill), each with one line, A-CA, A-JP, A-KW. Added together they make 127.500, which is no
/// amount in any of them.
/// </summary>
public static class ThreeCurrencies
{
    /// <summary>The month the calls are in.</summary>
    public const string Period = "2026-10";

    private const string Tariff = "prefix,destination,rate,connect_fee,first_increment,next_increment\n1,North America,0.0123,0,60,60\n81,Japan,6.0000,0,60,60\n965,Kuwait,0.1234,0,60,60\n";

    /// <summary>Imports the customers into <paramref name="serve"/>'s directory and rates their calls; returns the tariff file (serve's <c>--tariff</c>).</summary>
    public static async Task<string> Arrange(OwnServe serve)
    {
        ArgumentNullException.ThrowIfNull(serve);
        await serve.Import("three-currencies.json", $$"""
            { "format": "centrex-provisioning/1",
              "customers": [ {{Customer("C-CA", "CAD", "America/Toronto", "\"province\": \"QC\", \"country\": \"CA\"")}},
                             {{Customer("C-JP", "JPY", "Asia/Tokyo", "\"country\": \"JP\"")}},
                             {{Customer("C-KW", "KWD", "Asia/Kuwait", "\"country\": \"KW\"")}} ],
              "accounts": [ { "id": "A-CA", "customer": "C-CA", "type": "credit" },
                            { "id": "A-JP", "customer": "C-JP", "type": "credit" },
                            { "id": "A-KW", "customer": "C-KW", "type": "credit" } ] }
            """);
        var tariff = Path.Combine(serve.Data, "three-currencies.csv");
        await File.WriteAllTextAsync(tariff, Tariff);
        var cdrs = Path.Combine(serve.Data, "three-currencies-cdrs.csv");
        await File.WriteAllTextAsync(cdrs, """
            id,account,caller,callee,start,duration
            ca,A-CA,5145550100,2125550199,2026-10-14T12:00:00Z,600
            jp-1,A-JP,0312345678,+81312345679,2026-10-14T12:00:00Z,1234
            jp-2,A-JP,0312345678,2125550199,2026-10-15T12:00:00Z,600
            kw,A-KW,22345678,+96522345678,2026-10-14T12:00:00Z,600

            """);
        var rate = await PortalServer.Run(null, "rate", "--data", serve.Data, "--tariff", tariff, "--cdrs", cdrs,
            "--out", Path.Combine(serve.Data, "rated.csv"), "--rejects", Path.Combine(serve.Data, "rejects.csv"));
        Assert.True(rate.Exit == 0, rate.Error);
        return tariff;
    }

    private static string Customer(string id, string currency, string zone, string country) => $$"""
        { "id": "{{id}}", "company": "{{id}} Ltd", "contact": "I", "email": "{{id.ToLowerInvariant()}}@x.example", "currency": "{{currency}}",
          "address": { "street": "1 Main", "city": "City", {{country}}, "postal_code": "0" }, "time_zone": "{{zone}}" }
        """;
}
