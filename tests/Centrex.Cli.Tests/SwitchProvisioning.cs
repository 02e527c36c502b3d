using System.Security.Cryptography;
using System.Text;

namespace Centrex.Cli.Tests;

/// <summary>Provisioning JSON with switch data: customer acme, its SIP lines, a site, trunks and settings.</summary>
internal static class SwitchProvisioning
{
    public const string Realm = "centrex.test";
    public const string Password = "secret";

    /// <summary>Credit, limit 0.100 (one minute to North America), extension 101, user name alice, site hq.</summary>
    public const string Limited = "16045550101";

    /// <summary>Debit, extension 102, DID 16045550100.</summary>
    public const string Prepaid = "16045550102";

    /// <summary>Credit without a credit_limit (0: no debt allowed), Default site.</summary>
    public const string NoCredit = "16045550103";

    /// <summary>A billing-only line: no SIP credentials, so not the switch's.</summary>
    public const string BillingOnly = "ACC-BILL";

    public static string Ha1(bool sha256, string username, string password = Password)
    {
        var text = Encoding.UTF8.GetBytes($"{username}:{Realm}:{password}");
        return Convert.ToHexStringLower(sha256 ? SHA256.HashData(text) : MD5.HashData(text));
    }

    /// <param name="site">The hq site's record (limits spliced in).</param>
    /// <param name="trunkSources">The pstn trunk's sources.</param>
    /// <param name="trunkAddress">The pstn trunk's gateway, where calls out go.</param>
    public static string Json(string site = "\"max_outgoing\": 1", string trunkSources = "\"127.0.0.1\"", string trunkAddress = "127.0.0.1:9") => $$"""
        { "format": "centrex-provisioning/1",
          "switch": { "realm": "{{Realm}}", "digest_algorithms": ["MD5", "SHA-256"], "feature_codes": ["*72", "*73", "*97", "*98"] },
          "sites": [ { "id": "hq", "name": "Head office", {{site}} }, { "id": "default", "name": "Default site", "max_calls": 5 } ],
          "trunks": [ { "id": "pstn", "address": "{{trunkAddress}}", "sources": [{{trunkSources}}] },
                      { "id": "carrier", "address": "192.0.2.1" } ],
          "customers": [ { "id": "acme", "company": "Acme", "contact": "A", "email": "a@x.example",
             "address": { "street": "1 Main", "city": "Vancouver", "province": "BC", "country": "CA", "postal_code": "V7Y" },
             "time_zone": "America/Vancouver", "dialing_rules": "north-america", "trunk": "pstn", "abbreviated_dialing": { "188": "16045550102", "911": "" } } ],
          "accounts": [
            { "id": "{{Limited}}", "customer": "acme", "type": "credit", "credit_limit": "0.100", "site": "hq", "extension": "101",
              "sip": { "username": "alice", "ha1_md5": "{{Ha1(false, "alice")}}", "ha1_sha256": "{{Ha1(true, "alice")}}" } },
            { "id": "{{Prepaid}}", "customer": "acme", "type": "debit", "site": "hq", "extension": "102",
              "sip": { "ha1_md5": "{{Ha1(false, Prepaid)}}" }, "dids": ["+16045550100"] },
            { "id": "{{NoCredit}}", "customer": "acme", "type": "credit", "sip": { "ha1_md5": "{{Ha1(false, NoCredit)}}" } },
            { "id": "{{BillingOnly}}", "customer": "acme", "type": "credit", "credit_limit": "100.00" } ] }
        """;
}
