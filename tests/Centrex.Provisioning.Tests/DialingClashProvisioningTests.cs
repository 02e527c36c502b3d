using System.Text;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Centrex.Provisioning.Store;

namespace Centrex.Provisioning.Tests;

/// <summary>
/// Issue 16, seed 004 Dialing Rules: an outside, international or national prefix that begins one of the customer's
/// extensions, hunt group numbers, abbreviated codes or feature prefixes, or that one of them begins, is refused with
/// a stable code, whichever side changes: new rules name their <c>dialing.*</c> field, a number added against stored
/// rules names its own record and field. Nothing refused is stored. And with an Abbreviated Number Length, every
/// abbreviated code has exactly that length.
/// </summary>
public sealed class DialingClashProvisioningTests : IDisposable
{
    private const string Ha1 = "0123456789abcdef0123456789abcdef";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // Customer C1: extensions 901 and 4, hunt group 300, abbreviated 88 (and 911 dial as is), the default feature
    // prefixes (*77, 70, 71, *80); its dial plan fields are given by the test.
    private static string File(string plan, string extraAccount = "", string extraGroup = "", string extraCode = "") => $$"""
        { "format": "centrex-provisioning/1",
          "customers": [ { "id": "C1", "company": "Acme", "contact": "A", "email": "a@x.example",
             "address": { "street": "1 Main", "city": "Toronto", "province": "ON", "country": "CA", "postal_code": "M5V" },
             "time_zone": "America/Toronto", "abbreviated_dialing": { "88": "+14165550188", "911": "" {{extraCode}} } {{plan}} } ],
          "accounts": [
            { "id": "A901", "customer": "C1", "type": "debit", "extension": "901", "sip": { "ha1_md5": "{{Ha1}}" } },
            { "id": "A4", "customer": "C1", "type": "debit", "extension": "4", "sip": { "ha1_md5": "{{Ha1}}" } } {{extraAccount}} ],
          "hunt_groups": [ { "id": "sales", "customer": "C1", "number": "300", "members": [ { "extension": "901" } ] } {{extraGroup}} ] }
        """;

    private static string Rules(string dialing) =>
        $$""", "dialing_rules": "enabled", "dialing": { "country_code": "1", "area_code": "416", "local_lengths": [7] {{dialing}} }""";

    private static ProvisioningSnapshot Parse(string json) => ProvisioningJsonReader.Parse(Encoding.UTF8.GetBytes(json), "dial.json");

    [Theory]
    [InlineData(""", "outside_prefix": "9" """, "field \"dialing.outside_prefix\": '9' and extension '901' begin alike")]
    [InlineData(""", "outside_prefix": "41" """, "field \"dialing.outside_prefix\": '41' and extension '4' begin alike")]
    [InlineData(""", "outside_prefix": "7" """, "field \"dialing.outside_prefix\": '7' and park_prefix '70' begin alike")]
    [InlineData(""", "international_prefix": "30" """, "field \"dialing.international_prefix\": '30' and hunt_groups.number '300' begin alike")]
    [InlineData(""", "national_prefix": "8" """, "field \"dialing.national_prefix\": '8' and abbreviated_dialing.code '88' begin alike")]
    public void DialingRulesThatClashWithTheCustomersNumbers_AreRefusedNamingTheDialingField(string dialing, string expected)
    {
        using var store = ProvisioningStore.Open(_folder.Path);
        store.Import(Parse(File(string.Empty)), "dial.json"); // the same numbers without dialing rules: nothing to clash with

        var e = Assert.Throws<ProvisioningException>(() => store.Import(Parse(File(Rules(dialing))), "dial.json"));

        Assert.Equal("dial.json: customers (id \"C1\"): " + expected + ": the switch could not tell which was dialed", e.Message);
        Assert.Equal(ProvisioningErrors.DialingPrefixClash, e.Code);
        Assert.Equal(DialingRules.E164, Assert.Single(store.Load().Customers).DialPlan.DialingRules);
    }

    [Theory]
    [InlineData("", """, { "id": "A65", "customer": "C1", "type": "debit", "extension": "65", "sip": { "ha1_md5": "0123456789abcdef0123456789abcdef" } }""", "", "",
        "accounts (id \"A65\"): field \"extension\": '65' and dialing.outside_prefix '6' begin alike")]
    [InlineData("", "", """, { "id": "support", "customer": "C1", "number": "6" }""", "",
        "hunt_groups (id \"support\"): field \"number\": '6' and dialing.outside_prefix '6' begin alike")]
    [InlineData("", "", "", """, "62": "+14165550162" """,
        "customers (id \"C1\"): field \"abbreviated_dialing.code\": '62' and dialing.outside_prefix '6' begin alike")]
    [InlineData(""", "release_prefix": "61" """, "", "", "",
        "customers (id \"C1\"): field \"release_prefix\": '61' and dialing.outside_prefix '6' begin alike")]
    public void ANumberThatClashesWithStoredRules_IsRefusedNamingItsOwnField(string plan, string account, string group, string code, string expected)
    {
        using var store = ProvisioningStore.Open(_folder.Path);
        var rules = Rules(""", "outside_prefix": "6" """);
        store.Import(Parse(File(rules)), "dial.json");
        var before = store.Load();

        var e = Assert.Throws<ProvisioningException>(() => store.Import(Parse(File(rules + plan, account, group, code)), "dial.json"));

        Assert.Equal("dial.json: " + expected + ": the switch could not tell which was dialed", e.Message);
        Assert.Equal(ProvisioningErrors.DialingPrefixClash, e.Code);
        Assert.Equal(before.Accounts.Count, store.Load().Accounts.Count);
        Assert.Equal(before.HuntGroups.Count, store.Load().HuntGroups.Count);
        var stored = Assert.Single(store.Load().Customers).DialPlan;
        Assert.Equal(("71", 2), (stored.Features.ReleasePrefix, stored.AbbreviatedDialing.Count));
    }

    [Fact]
    public void RulesWithoutAClash_AndAnEmergencyCodeBesideTheOutsidePrefix_AreStored()
    {
        using var store = ProvisioningStore.Open(_folder.Path);

        // 6 then 011 for abroad, 6 then 1 for long distance: 901, 4, 300, 88 and the feature prefixes all dial apart;
        // 911 "dial as is" starts with nothing of these (emergency numbers are taken before the dial plan anyway).
        store.Import(Parse(File(Rules(""", "outside_prefix": "6", "international_prefix": "011", "national_prefix": "1" """))), "dial.json");

        Assert.Equal("6", Assert.Single(store.Load().Customers).DialPlan.Dialing.OutsidePrefix);
    }

    [Theory]
    [InlineData(3, "88", "field \"abbreviated_dialing.code\": '88' has 2 digits, not the Abbreviated Number Length (3)")]
    [InlineData(1, "88", "field \"abbreviated_dialing.code\": '88' has 2 digits, not the Abbreviated Number Length (1)")]
    public void WithAnAbbreviatedNumberLength_EveryCodeHasExactlyThatLength(int length, string code, string expected)
    {
        using var store = ProvisioningStore.Open(_folder.Path);

        var e = Assert.Throws<ProvisioningException>(() => store.Import(Parse(File($", \"abbreviated_length\": {length}")), "dial.json"));

        Assert.Equal("dial.json: customers (id \"C1\"): " + expected, e.Message);
        Assert.Equal((ProvisioningErrors.AbbreviatedCodeLength, code), (e.Code, (string)e.Arguments[0]));
    }
}
