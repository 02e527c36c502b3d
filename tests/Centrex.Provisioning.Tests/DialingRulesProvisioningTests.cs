using System.Text;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Centrex.Provisioning.Store;

namespace Centrex.Provisioning.Tests;

/// <summary>
/// Seed 004's Dialing Rules parameters (outside and international prefixes, national prefix, country and area codes,
/// local number lengths, Custom Rule) and Abbreviated Dialing's Description and Abbreviated Number Length: through JSON,
/// the store and back, and refused naming the field.
/// </summary>
public sealed class DialingRulesProvisioningTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Customer(string dial) => $$"""
        { "format": "centrex-provisioning/1",
          "customers": [ { "id": "C1", "company": "Acme", "contact": "A", "email": "a@x.example",
             "address": { "street": "1 Main", "city": "Toronto", "province": "ON", "country": "CA", "postal_code": "M5V" },
             "time_zone": "America/Toronto" {{dial}} } ] }
        """;

    private const string Enabled = """
        , "dialing_rules": "enabled",
          "dialing": { "outside_prefix": "9", "international_prefix": "011", "national_prefix": "1", "country_code": "1", "area_code": "416", "local_lengths": [7] },
          "abbreviated_length": 3,
          "abbreviated_dialing": { "188": { "dial": "16045550102", "description": "Amanda's office Linksys" }, "911": "" }
        """;

    private static ProvisioningSnapshot Parse(string json) => ProvisioningJsonReader.Parse(Encoding.UTF8.GetBytes(json), "dial.json");

    [Fact]
    public void TheParameters_DescriptionsAndLength_GoThroughTheStoreAndBackToJson()
    {
        using (var store = ProvisioningStore.Open(_folder.Path))
        {
            store.Import(Parse(Customer(Enabled)), "dial.json");
        }

        using var reopened = ProvisioningStore.Open(_folder.Path);
        var plan = Assert.Single(reopened.Load().Customers).DialPlan;
        Assert.Equal(DialingRules.Enabled, plan.DialingRules);
        var d = plan.Dialing;
        Assert.Equal(("9", "011", "1", "1", "416"), (d.OutsidePrefix, d.InternationalPrefix, d.NationalPrefix, d.CountryCode, d.AreaCode));
        Assert.Equal([7], d.LocalLengths);
        Assert.Null(d.CustomRule);
        Assert.Equal(3, plan.AbbreviatedLength);
        Assert.Equal(new Dictionary<string, string> { ["188"] = "16045550102", ["911"] = string.Empty }, plan.AbbreviatedDialing);
        Assert.Equal(new Dictionary<string, string> { ["188"] = "Amanda's office Linksys" }, plan.AbbreviatedDescriptions);

        using var buffer = new MemoryStream();
        ProvisioningJsonWriter.Write(reopened.Load(), buffer);
        var again = Assert.Single(Parse(Encoding.UTF8.GetString(buffer.ToArray())).Customers).DialPlan;
        Assert.Equal((plan.DialingRules, plan.AbbreviatedLength, "Amanda's office Linksys", "416", "9"),
            (again.DialingRules, again.AbbreviatedLength, again.AbbreviatedDescriptions["188"], again.Dialing.AreaCode, again.Dialing.OutsidePrefix));
    }

    [Fact]
    public void ACustomRule_IsStored_AndAnAbsentDialingObjectMeansNone()
    {
        using var store = ProvisioningStore.Open(_folder.Path);
        store.Import(Parse(Customer(""", "dialing_rules": "custom", "dialing": { "custom_rule": "s/^9(\\d{7})$/1416$1/; s/^9//" }""")), "dial.json");
        var plan = Assert.Single(store.Load().Customers).DialPlan;
        Assert.Equal((DialingRules.Custom, "s/^9(\\d{7})$/1416$1/; s/^9//"), (plan.DialingRules, plan.Dialing.CustomRule));

        store.Import(Parse(Customer(""", "dialing_rules": "e164" """)), "dial.json");
        Assert.True(Assert.Single(store.Load().Customers).DialPlan.Dialing.IsNone);
    }

    [Theory]
    [InlineData(""", "dialing_rules": "enabled", "dialing": { "local_lengths": [7] }""", "dialing: country_code '' is missing")]
    [InlineData(""", "dialing_rules": "enabled", "dialing": { "country_code": "1" }""", "dialing: local_lengths '' is missing")]
    [InlineData(""", "dialing_rules": "enabled", "dialing": { "country_code": "01", "local_lengths": [7] }""", "dialing: country_code '01' starts with 0")]
    [InlineData(""", "dialing_rules": "enabled", "dialing": { "country_code": "1", "outside_prefix": "9a", "local_lengths": [7] }""", "dialing: outside_prefix '9a' is not up to 4 digits")]
    [InlineData(""", "dialing_rules": "enabled", "dialing": { "country_code": "1", "international_prefix": "01111", "local_lengths": [7] }""", "dialing: international_prefix '01111' is not up to 4 digits")]
    [InlineData(""", "dialing_rules": "enabled", "dialing": { "country_code": "1", "area_code": "41a", "local_lengths": [7] }""", "dialing: area_code '41a' is not up to 5 digits")]
    [InlineData(""", "dialing_rules": "enabled", "dialing": { "country_code": "1", "local_lengths": [2] }""", "dialing: local_lengths '2' is not a local number's length")]
    [InlineData(""", "dialing_rules": "enabled", "dialing": { "country_code": "1", "local_lengths": [7, 7] }""", "dialing: local_lengths '7, 7' lists each length once")]
    [InlineData(""", "dialing_rules": "enabled", "dialing": { "country_code": "123", "area_code": "12345", "local_lengths": [8] }""", "dialing: local_lengths '8': country code, area code and local number make more than 15 digits")]
    [InlineData(""", "dialing_rules": "enabled", "dialing": { "country_code": "1", "international_prefix": "00", "national_prefix": "0", "local_lengths": [7] }""", "dialing: national_prefix '0' and the international prefix '00' begin alike")]
    [InlineData(""", "dialing_rules": "custom" """, "dialing: custom_rule '' is missing")]
    [InlineData(""", "dialing_rules": "custom", "dialing": { "custom_rule": "s/^9/" }""", "dialing: custom_rule 's/^9/' 's/^9/' is not s/PATTERN/REPLACEMENT/")]
    [InlineData(""", "dialing_rules": "custom", "dialing": { "custom_rule": "s/^9/x/" }""", "the replacement 'x' may hold only digits, + and $1 to $9")]
    [InlineData(""", "dialing_rules": "custom", "dialing": { "custom_rule": "s/(9/1/" }""", "the pattern is not a regular expression this switch runs")]
    [InlineData(""", "dialing_rules": "custom", "dialing": { "custom_rule": "s/(a)\\1/1/" }""", "the pattern is not a regular expression this switch runs")]
    [InlineData(""", "abbreviated_length": 0""", "abbreviated_length '0' is not 1 to 15")]
    [InlineData(""", "abbreviated_length": 2, "abbreviated_dialing": { "188": "16045550102" }""", "field \"abbreviated_dialing.code\": '188' has 3 digits, not the Abbreviated Number Length (2)")]
    [InlineData(""", "dialing_rules": "enabled", "dialing": { "outside_prefix": "9", "country_code": "1", "local_lengths": [7] }, "abbreviated_length": 8""", "abbreviated_length '8' is how many digits a local number is dialed with")]
    [InlineData(""", "dialing_rules": "enabled", "dialing": { "country_code": "1", "area_code": "416", "local_lengths": [7] }, "abbreviated_length": 10""", "abbreviated_length '10' is how many digits a local number is dialed with")]
    [InlineData(""", "abbreviated_dialing": { "188": { "dial": "16045550102", "description": "x\u0007" } }""", "is longer than 100 characters or has a control character")]
    [InlineData(""", "abbreviated_dialing": { "188": { "dial": "16045550102", "note": "x" } }""", "unknown field \"note\"")]
    [InlineData(""", "dialing": { "area": "416" }""", "dialing: unknown field \"area\"")]
    public void BadDialingData_IsRefusedNamingTheField(string fault, string expected)
    {
        using var store = ProvisioningStore.Open(_folder.Path);
        var e = Assert.Throws<ProvisioningException>(() => store.Import(Parse(Customer(fault)), "dial.json"));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("customers", e.Message, StringComparison.Ordinal);
    }
}
