using System.Security.Cryptography;
using System.Text;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Centrex.Provisioning.Store;
using Microsoft.Data.Sqlite;

namespace Centrex.Provisioning.Tests;

/// <summary>The switch's sections (issue 4) through the JSON format and the SQLite store.</summary>
public sealed class SwitchProvisioningTests : IDisposable
{
    private static readonly string Md5 = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes("alice:centrex.test:secret")));
    private static readonly string Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("alice:centrex.test:secret")));

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>A customer with a dial plan, two SIP lines (101 and 102) on site hq, a trunk and settings; the arguments are spliced in.</summary>
    private static string Switched(string account1 = "", string account2 = "", string customer = "", string extra = "", string trunk = "", string settings = "") => $$"""
        { "format": "centrex-provisioning/1",
          "switch": { "realm": "centrex.test", "digest_algorithms": ["SHA-256", "MD5"], "feature_codes": ["*72", "*73"] {{settings}} },
          "sites": [ { "id": "hq", "name": "Head office", "max_calls": 30, "max_outgoing": 20, "max_bandwidth_kbps": 2000 } ],
          "trunks": [ { "id": "pstn", "address": "192.0.2.1:5060", "sources": ["192.0.2.1", "192.0.2.2:5080"] {{trunk}} } ],
          "customers": [ { "id": "C1", "company": "Acme", "contact": "A", "email": "a@x.example",
             "address": { "street": "1 Main", "city": "Halifax", "province": "NS", "country": "CA", "postal_code": "B3J" },
             "time_zone": "America/Halifax", "dialing_rules": "north-america", "trunk": "pstn",
             "abbreviated_dialing": { "911": "", "188": "16045550102" } {{customer}} } ],
          "accounts": [
            { "id": "16045550101", "customer": "C1", "type": "credit", "credit_limit": "25.00", "site": "hq", "extension": "101",
              "sip": { "username": "alice", "ha1_md5": "{{Md5}}", "ha1_sha256": "{{Sha256}}" }, "dids": ["+16045550100"] {{account1}} },
            { "id": "16045550102", "customer": "C1", "type": "debit", "extension": "102",
              "sip": { "ha1_md5": "{{Md5.ToUpperInvariant()}}" } {{account2}} } ] {{extra}} }
        """;

    private static ProvisioningSnapshot Parse(string json) => ProvisioningJsonReader.Parse(Encoding.UTF8.GetBytes(json), "switch.json");

    private static string Export(ProvisioningSnapshot snapshot)
    {
        using var buffer = new MemoryStream();
        ProvisioningJsonWriter.Write(snapshot, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public void SwitchSections_JsonToStoreToJson_KeepEveryField()
    {
        using (var store = ProvisioningStore.Open(_folder.Path))
        {
            store.Import(Parse(Switched()), "switch.json");
        }

        ProvisioningSnapshot loaded;
        using (var reopened = ProvisioningStore.Open(_folder.Path))
        {
            loaded = reopened.Load();
        }

        Assert.Equal("centrex.test", loaded.Switch!.Realm);
        Assert.Equal(["SHA-256", "MD5"], loaded.Switch.DigestAlgorithms);
        Assert.Equal(["*72", "*73"], loaded.Switch.FeatureCodes);
        Assert.Equal(new Site("hq", "Head office", MaxCalls: 30, MaxOutgoing: 20, MaxBandwidthKbps: 2000), Assert.Single(loaded.Sites));
        var trunk = Assert.Single(loaded.Trunks);
        Assert.Equal(("pstn", "192.0.2.1:5060"), (trunk.Id, trunk.Address));
        Assert.Equal(["192.0.2.1", "192.0.2.2:5080"], trunk.Sources);
        var plan = Assert.Single(loaded.Customers).DialPlan;
        Assert.Equal((DialingRules.NorthAmerica, "pstn"), (plan.DialingRules, plan.Trunk));
        Assert.Equal(new Dictionary<string, string> { ["188"] = "16045550102", ["911"] = string.Empty }, plan.AbbreviatedDialing);
        var (first, second) = (loaded.Accounts[0], loaded.Accounts[1]);
        Assert.Equal(("101", new SipCredentials("alice", Md5, Sha256)), (first.Extension, first.Sip));
        Assert.Equal(["16045550100"], first.Dids); // the '+' is dropped: DIDs are looked up by their digits
        Assert.Equal(new SipCredentials("16045550102", Md5, null), second.Sip); // user name defaults to the id; hex in lower case

        var exported = Export(loaded);
        Assert.Contains("\"ha1_sha256\": \"" + Sha256 + "\"", exported, StringComparison.Ordinal);
        Assert.Contains("\"abbreviated_dialing\": {", exported, StringComparison.Ordinal);
        Assert.DoesNotContain("password", exported, StringComparison.Ordinal);
        Assert.Equal(exported, Export(Parse(exported)));
        using var again = ProvisioningStore.Open(Path.Combine(_folder.Path, "again"));
        Assert.Equal(exported, Export(again.Import(Parse(exported), "export")));
    }

    [Fact]
    public void BillingOnlyCustomer_ExportsWithoutSwitchFields()
    {
        var exported = Export(ProvisioningJsonReader.Read(SampleFile.Path));

        Assert.DoesNotContain("dialing_rules", exported, StringComparison.Ordinal);
        Assert.DoesNotContain("\"sip\"", exported, StringComparison.Ordinal);
        Assert.DoesNotContain("\"switch\"", exported, StringComparison.Ordinal);
    }

    [Fact]
    public void StoreOfVersion1_IsUpgradedOnOpen_ItsFreeTextSitesBecomeSites_AndTakesSwitchData()
    {
        var path = Path.Combine(_folder.Path, ProvisioningStore.FileName);
        using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            old.Open();
            SqliteMigrator.Migrate(old, [ProvisioningSchema.Migrations[0]], "old store");
            using var insert = old.CreateCommand();
            insert.CommandText = """
                INSERT INTO customers VALUES ('C1', 'Acme', 'A', 'a@x.example', '1 Main', 'Halifax', 'NS', 'CA', 'B3J', 'CAD', 'America/Halifax', NULL, 'full');
                INSERT INTO accounts VALUES ('A1', 'C1', 'credit', 500000, 'Front desk', 1);
                INSERT INTO accounts VALUES ('A2', 'C1', 'debit', 0, NULL, 0);
                """;
            insert.ExecuteNonQuery();
        }

        using var store = ProvisioningStore.Open(_folder.Path);
        var upgraded = store.Load();

        Assert.Equal(new Site("Front desk", "Front desk"), Assert.Single(upgraded.Sites));
        Assert.Equal("Front desk", upgraded.Accounts[0].Site);
        Assert.Equal(500_000, upgraded.Accounts[0].CreditLimit.Value);
        Assert.All(upgraded.Accounts, a => Assert.True(a.Sip is null && a.Extension is null && a.Dids.Count == 0));
        Assert.Equal(CustomerDialPlan.None.DialingRules, upgraded.Customers[0].DialPlan.DialingRules);
        Assert.Null(upgraded.Switch);

        // The upgraded store validates as it is, and takes switch data on top of its billing data.
        var merged = store.Import(Parse(Switched()), "switch.json");
        Assert.Equal(["16045550101", "16045550102", "A1", "A2"], merged.Accounts.Select(a => a.Id));
        Assert.Equal(["Front desk", "hq"], store.Load().Sites.Select(s => s.Id));
    }

    [Fact]
    public void ASitesCustomerEditableFlag_IsStoredAndExported_OffByDefault_AndRefusedOnTheDefaultSite()
    {
        // Issue 16: "Sites (the limits, read-only for customers if the operator says so)": the operator's flag per site.
        using var store = ProvisioningStore.Open(_folder.Path);
        var json = Switched().Replace("\"max_bandwidth_kbps\": 2000 }", "\"max_bandwidth_kbps\": 2000, \"customer_editable\": true }, { \"id\": \"annex\" }", StringComparison.Ordinal);
        store.Import(Parse(json), "switch.json");

        var sites = store.Load().Sites;
        Assert.Equal([("annex", false), ("hq", true)], sites.Select(s => (s.Id, s.CustomerEditable)));
        var exported = Export(store.Load());
        Assert.Contains("\"customer_editable\": true", exported, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(exported, "customer_editable"));
        Assert.Equal(exported, Export(Parse(exported)));

        var fallback = Assert.Throws<ProvisioningException>(() => store.Import(Parse("""{ "format": "centrex-provisioning/1", "sites": [ { "id": "default", "customer_editable": true } ] }"""), "sites.json"));
        Assert.StartsWith("sites.json: sites (id \"default\"): customer_editable: the Default site is shared by every customer's lines", fallback.Message, StringComparison.Ordinal);
        // The JSON reader refuses a negative count itself; a record made in code (the portal's forms) meets the validator, which names the limit.
        var negative = Assert.Throws<ProvisioningException>(() => store.Import(ProvisioningSnapshot.Empty with { Sites = [new Site("annex", "Annex", MaxForwarded: -1)] }, "sites.json"));
        Assert.StartsWith("sites.json: sites (id \"annex\"): max_forwarded -1 is negative", negative.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("site", "switch.json: accounts (id \"16045550101\"): site \"annex\" does not exist")]
    [InlineData("trunk", "switch.json: customers (id \"C1\"): trunk \"nope\" does not exist")]
    [InlineData("extension", "switch.json: accounts (id \"16045550102\"): extension 101 is already account \"16045550101\"'s in customer \"C1\"")]
    [InlineData("did", "switch.json: accounts (id \"16045550102\"): dids: 16045550100 is already assigned to account \"16045550101\"")]
    [InlineData("address", "switch.json: trunks (id \"pstn\"): sources: 'gw.example' is not an IP address with an optional port")]
    [InlineData("hash", "switch.json: accounts (id \"16045550102\"): sip.ha1_sha256 is not 64 hex digits")]
    [InlineData("username", "switch.json: accounts (id \"16045550102\"): sip.username \"alice\" is already account \"16045550101\"'s")]
    [InlineData("algorithm", "switch.json: switch: digest_algorithms: 'SHA-512' is not one of SHA-256, MD5")]
    [InlineData("offered", "switch.json: accounts (id \"16045550102\"): sip needs the hash of an algorithm the switch offers (SHA-256): ha1_md5 or ha1_sha256")]
    [InlineData("no-sip", "switch.json: accounts (id \"16045550102\"): an extension or DID needs sip credentials")]
    public void BadSwitchData_IsRefusedNamingTheRecordAndField(string fault, string expected)
    {
        var json = fault switch
        {
            "site" => Switched(account1: ", \"site\": \"annex\"").Replace("\"site\": \"hq\", ", string.Empty, StringComparison.Ordinal),
            "trunk" => Switched().Replace("\"trunk\": \"pstn\"", "\"trunk\": \"nope\"", StringComparison.Ordinal),
            "extension" => Switched().Replace("\"extension\": \"102\"", "\"extension\": \"101\"", StringComparison.Ordinal),
            "did" => Switched(account2: ", \"dids\": [\"16045550100\"]"),
            "address" => Switched().Replace("\"192.0.2.2:5080\"", "\"gw.example\"", StringComparison.Ordinal),
            "hash" => Switched().Replace("\"sip\": { \"ha1_md5\"", "\"sip\": { \"ha1_sha256\": \"abc\", \"ha1_md5\"", StringComparison.Ordinal),
            "username" => Switched().Replace("\"sip\": { \"ha1_md5\"", "\"sip\": { \"username\": \"alice\", \"ha1_md5\"", StringComparison.Ordinal),
            "algorithm" => Switched().Replace("[\"SHA-256\", \"MD5\"]", "[\"SHA-512\"]", StringComparison.Ordinal),
            "offered" => Switched().Replace("[\"SHA-256\", \"MD5\"]", "[\"SHA-256\"]", StringComparison.Ordinal),
            "no-sip" => Switched().Replace($"\"sip\": {{ \"ha1_md5\": \"{Md5.ToUpperInvariant()}\" }}", "\"requires_911\": false", StringComparison.Ordinal),
            _ => throw new ArgumentOutOfRangeException(nameof(fault)),
        };
        using var store = ProvisioningStore.Open(_folder.Path);

        var e = Assert.Throws<ProvisioningException>(() => store.Import(Parse(json), "switch.json"));

        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
        Assert.Empty(store.Load().Accounts);
    }

    [Fact]
    public void SameExtension_InTwoCustomers_IsAccepted()
    {
        var second = """
            , "customers": [ { "id": "C2", "company": "Beta", "contact": "B", "email": "b@x.example",
                 "address": { "street": "2 Main", "city": "Halifax", "province": "NS", "country": "CA", "postal_code": "B3J" }, "time_zone": "America/Halifax" } ]
            """;
        using var store = ProvisioningStore.Open(_folder.Path);
        store.Import(Parse(Switched()), "switch.json");
        var other = Parse($$"""{ "format": "centrex-provisioning/1" {{second}}, "accounts": [ { "id": "B101", "customer": "C2", "type": "debit", "extension": "101", "sip": { "ha1_md5": "{{Md5}}" } } ] }""");

        var merged = store.Import(other, "second.json");

        Assert.Equal(["101", "101"], merged.Accounts.Where(a => a.Id is "16045550101" or "B101").Select(a => a.Extension));
    }

    [Fact]
    public void PlainPassword_IsRefusedSayingWhatToGiveInstead()
    {
        var json = Switched().Replace("\"sip\": { \"ha1_md5\"", "\"sip\": { \"password\": \"secret\", \"ha1_md5\"", StringComparison.Ordinal);

        var e = Assert.Throws<ProvisioningException>(() => Parse(json));

        Assert.Equal("switch.json, accounts[1] (id \"16045550102\"), sip: passwords are never stored: give ha1_md5 and/or ha1_sha256 instead (centrex sip-hash prints them)", e.Message);
    }

    [Fact]
    public void SwitchSettings_NotInTheFile_KeepWhatIsStored()
    {
        using var store = ProvisioningStore.Open(_folder.Path);
        store.Import(Parse(Switched()), "switch.json");

        var merged = store.Import(Parse("""{ "format": "centrex-provisioning/1", "sites": [ { "id": "annex", "max_calls": 2 } ] }"""), "sites.json");

        Assert.Equal("centrex.test", merged.Switch!.Realm);
        Assert.Equal(["annex", "hq"], merged.Sites.Select(s => s.Id));
        Assert.Equal("annex", merged.Sites[0].Name); // the name defaults to the id
    }
}
