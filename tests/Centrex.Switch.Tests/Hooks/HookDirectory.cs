using System.Text;
using Centrex.Switch.Calls;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Hooks;

/// <summary>A small switch directory and call descriptions for the hook adapters' tests.</summary>
internal static class HookDirectory
{
    public const string Prepaid = "16045550101";
    public const string Postpaid = "16045550102";
    public const string NoSite = "16045550103";

    /// <summary>A credit account whose credit limit is 0.100: one minute to North America (60 mills) but not two.</summary>
    public const string Limited = "16045550104";

    public static readonly Instant Start = Instant.FromUtc(2026, 11, 22, 9, 0);

    /// <summary>Site "hq" (Head office) allows <paramref name="maxOutgoing"/> outgoing calls and
    /// <paramref name="maxKbps"/> kbps; the Default site allows <paramref name="defaultMaxCalls"/> calls.</summary>
    public static JsonSwitchDirectory Create(int maxOutgoing = 10, int maxKbps = 1000, int defaultMaxCalls = 5)
    {
        static string Account(string id, string ext, string? site, string type, string? creditLimit = null) =>
            $$"""{ "id": "{{id}}", "customer": "acme", {{(site is null ? "" : $"\"site\": \"{site}\",")}} "extension": "{{ext}}", "username": "{{id}}", "ha1Md5": "00", "type": "{{type}}" {{(creditLimit is null ? "" : $", \"creditLimit\": \"{creditLimit}\"")}} }""";
        var json = $$"""
        {
          "realm": "centrex.test",
          "sites": [ { "id": "hq", "name": "Head office", "maxOutgoing": {{maxOutgoing}}, "maxBandwidthKbps": {{maxKbps}} },
                     { "id": "default", "name": "Default site", "maxCalls": {{defaultMaxCalls}} } ],
          "trunks": [ { "id": "pstn", "address": "127.0.0.1:9", "sources": ["127.0.0.1:9"] } ],
          "customers": [ { "id": "acme", "dialingRules": "north-america", "trunk": "pstn" } ],
          "accounts": [ {{Account(Prepaid, "101", "hq", "debit")}}, {{Account(Postpaid, "102", "hq", "credit")}}, {{Account(NoSite, "103", null, "debit")}},
                        {{Account(Limited, "104", "hq", "credit", "0.100")}} ]
        }
        """;
        return JsonSwitchDirectory.Parse(json, "hooks-test");
    }

    /// <summary>An outgoing call from <paramref name="account"/> to a North American number, as the B2BUA describes it.</summary>
    public static CallInfo Outgoing(string id, string account, string siteId = "hq", string dialed = "2125551234", string normalized = "12125551234") =>
        new(id, id + "@phone", account, null, account, dialed, normalized, CallDirection.Outgoing, siteId, false, Start);

    /// <summary>A call from one account to another by extension.</summary>
    public static CallInfo Internal(string id, string from, string to, string siteId = "hq") =>
        new(id, id + "@phone", from, to, from, "102", null, CallDirection.Internal, siteId, false, Start);

    /// <summary>An SDP offer or answer with one audio stream of the given RTP payload types (static ones: 0 PCMU, 18 G729).</summary>
    public static ReadOnlyMemory<byte> Sdp(string payloadTypes, int port = 40000) => Encoding.ASCII.GetBytes(
        "v=0\r\no=- 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n" +
        $"m=audio {port} RTP/AVP {payloadTypes}\r\n");
}
