namespace Centrex.Cli.Tests.Support;

/// <summary>
/// Three customers billed in three currencies and their calls in October 2026, the files <c>provision import</c> and
/// <c>rate</c> take: C-CA in dollars (North America at 0.0123, ten minutes: 0.123), C-JP in yen (Japan at 6, 21
/// minutes, and a North American call: 126.123, a mill past 126 yen), C-KW in dinars (Kuwait at 0.1234, ten minutes:
/// 1.234, the fils being the mill), each with one credit line, A-CA, A-JP, A-KW, and an auto-pay card. Added together
/// they make 127.500, which is no amount in any of them. Shared by the command tests and the portal's (linked there).
/// </summary>
internal static class ThreeCurrencyFiles
{
    /// <summary>The provisioning JSON.</summary>
    public static string Provisioning => $$"""
        { "format": "centrex-provisioning/1",
          "customers": [ {{Customer("C-CA", "CAD", "America/Toronto", "\"province\": \"QC\", \"country\": \"CA\"")}},
                         {{Customer("C-JP", "JPY", "Asia/Tokyo", "\"country\": \"JP\"")}},
                         {{Customer("C-KW", "KWD", "Asia/Kuwait", "\"country\": \"KW\"")}} ],
          "accounts": [ { "id": "A-CA", "customer": "C-CA", "type": "credit" },
                        { "id": "A-JP", "customer": "C-JP", "type": "credit" },
                        { "id": "A-KW", "customer": "C-KW", "type": "credit" } ] }
        """;

    /// <summary>The tariff CSV.</summary>
    public const string Tariff = "prefix,destination,rate,connect_fee,first_increment,next_increment\n1,North America,0.0123,0,60,60\n81,Japan,6.0000,0,60,60\n965,Kuwait,0.1234,0,60,60\n";

    /// <summary>The CDR CSV.</summary>
    public const string Cdrs = """
        id,account,caller,callee,start,duration
        ca,A-CA,5145550100,2125550199,2026-10-14T12:00:00Z,600
        jp-1,A-JP,0312345678,+81312345679,2026-10-14T12:00:00Z,1234
        jp-2,A-JP,0312345678,2125550199,2026-10-15T12:00:00Z,600
        kw,A-KW,22345678,+96522345678,2026-10-14T12:00:00Z,600

        """;

    private static string Customer(string id, string currency, string zone, string country) => $$"""
        { "id": "{{id}}", "company": "{{id}} Ltd", "contact": "I", "email": "{{id.ToLowerInvariant()}}@x.example", "currency": "{{currency}}",
          "address": { "street": "1 Main", "city": "City", {{country}}, "postal_code": "0" }, "time_zone": "{{zone}}",
          "auto_pay": { "card_token": "tok_visa", "card_label": "VISA ****4242", "pay_invoices": true } }
        """;
}
