using System.Text;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Centrex.Provisioning.Store;

namespace Centrex.Provisioning.Tests;

/// <summary>
/// Issue 16 review, items 1, 7 and 8, at the validator every path goes through (portal, API, <c>provision import</c>):
/// an abbreviated number never dials another customer's line (by id or SIP user name), and its value is bounded; a
/// hunt group's no-answer destination is the customer's own or a phone number; feature prefixes meet no extension,
/// hunt group or abbreviated code; abbreviated codes and hunt groups are capped per customer; a sip: URI forward never
/// goes to loopback, link-local, unspecified or multicast addresses, nor to private ones unless the operator allows
/// them for the customer. Each refusal names the field.
/// </summary>
public sealed class IsolationProvisioningTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Customer(string id, string extra = "") => $$"""
        { "id": "{{id}}", "company": "{{id}} Inc", "contact": "A", "email": "a@x.example",
          "address": { "street": "1 Main", "city": "Halifax", "province": "NS", "country": "CA", "postal_code": "B3J" },
          "time_zone": "America/Halifax" {{extra}} }
        """;

    private static string Line(string id, string customer, string extension, string user, string extra = "") => $$"""
        { "id": "{{id}}", "customer": "{{customer}}", "type": "debit", "extension": "{{extension}}",
          "sip": { "username": "{{user}}", "ha1_md5": "0123456789abcdef0123456789abcdef" } {{extra}} }
        """;

    /// <summary>ON (ON-1, extension 101, user on101) and QC (QC-1, extension 101, user qc101): two customers.</summary>
    private static string File(string onExtra = "", string qcExtra = "", string onLineExtra = "", string more = "") => $$"""
        { "format": "centrex-provisioning/1",
          "customers": [ {{Customer("ON", onExtra)}}, {{Customer("QC", qcExtra)}} ],
          "accounts": [ {{Line("ON-1", "ON", "101", "on101", onLineExtra)}}, {{Line("ON-2", "ON", "102", "on102")}}, {{Line("QC-1", "QC", "101", "qc101")}} ]
          {{more}} }
        """;

    private static ProvisioningSnapshot Parse(string json) => ProvisioningJsonReader.Parse(Encoding.UTF8.GetBytes(json), "iso.json");

    private ProvisioningException Refused(string json)
    {
        using var store = ProvisioningStore.Open(_folder.Path);
        var before = store.Load();
        var e = Assert.Throws<ProvisioningException>(() => store.Import(Parse(json), "iso.json"));
        Assert.Equal(before.Customers.Select(c => c.AllowPrivateForwarding), store.Load().Customers.Select(c => c.AllowPrivateForwarding)); // nothing of a refused import is kept
        return e;
    }

    private ProvisioningSnapshot Imported(string json)
    {
        using var store = ProvisioningStore.Open(_folder.Path);
        store.Import(Parse(json), "iso.json");
        return store.Load();
    }

    [Theory]
    [InlineData("QC-1")] // the other customer's account id: it rang that customer's phone (review item 1)
    [InlineData("qc101")] // its SIP user name: the switch finds an account by either
    [InlineData("ACC-NOBODY")] // an id that is nobody's: the same words, so the message tells nothing of who exists
    [InlineData("sip:qc101@192.0.2.1")]
    public void AnAbbreviatedNumber_ToAnotherCustomersLine_OrNotALineNorANumber_IsRefused_NamingDial(string dial)
    {
        var e = Refused(File(onExtra: $$""", "abbreviated_dialing": { "57": "{{dial}}" }"""));

        Assert.Equal($"iso.json: customers (id \"ON\"): field \"abbreviated_dialing.dial\": \"57\" dials '{dial}', which is not one of the customer's lines (its id or extension) nor a phone number (+ and up to 15 digits)", e.Message);
    }

    [Fact]
    public void AHugeAbbreviatedValue_IsRefused_WithoutEchoingIt()
    {
        var e = Refused(File(onExtra: $$""", "abbreviated_dialing": { "57": "{{new string('1', 50_000)}}" }"""));

        Assert.Contains("field \"abbreviated_dialing.dial\": \"57\" dials 50000 characters; at most 64", e.Message, StringComparison.Ordinal);
        Assert.True(e.Message.Length < 300, e.Message);
    }

    [Fact]
    public void OwnLinesIdsUserNamesExtensionsAndPhoneNumbers_AreAccepted()
    {
        var stored = Imported(File(onExtra: """, "abbreviated_dialing": { "1": "ON-2", "2": "on102", "3": "102", "4": "+15145550100", "5": "" }"""));

        Assert.Equal(5, stored.Customers.Single(c => c.Id == "ON").DialPlan.AbbreviatedDialing.Count);
    }

    [Fact]
    public void MoreAbbreviatedNumbersThanTheCap_AreRefused()
    {
        var table = string.Join(", ", Enumerable.Range(1000, CustomerDialPlan.MaxAbbreviated + 1).Select(i => $"\"{i}\": \"\""));

        var e = Refused(File(onExtra: $", \"abbreviated_dialing\": {{ {table} }}"));

        Assert.Contains($"field \"abbreviated_dialing.code\": {CustomerDialPlan.MaxAbbreviated + 1} abbreviated numbers; a customer has at most {CustomerDialPlan.MaxAbbreviated}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MoreHuntGroupsThanTheCap_AreRefused()
    {
        var groups = string.Join(", ", Enumerable.Range(0, HuntGroup.MaxPerCustomer + 1).Select(i => $$"""{ "id": "G{{i}}", "customer": "ON", "number": "{{5000 + i}}", "name": "G{{i}}" }"""));

        var e = Refused(File(more: $", \"hunt_groups\": [ {groups} ]"));

        Assert.Contains($"field \"number\": customer \"ON\" would have {HuntGroup.MaxPerCustomer + 1} hunt groups; at most {HuntGroup.MaxPerCustomer}", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("QC-1")]
    [InlineData("not a number")]
    public void AHuntGroupsNoAnswer_ThatIsNotTheCustomersNorANumber_IsRefused(string noAnswer)
    {
        var e = Refused(File(more: $$""", "hunt_groups": [ { "id": "G1", "customer": "ON", "number": "500", "name": "Desk", "no_answer": "{{noAnswer}}" } ]"""));

        Assert.Contains("field \"no_answer\":", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"pickup_prefix\": \"101\"", "field \"pickup_prefix\": extension 101")] // the review's case
    [InlineData("\"release_prefix\": \"10\"", "field \"release_prefix\": extension 101")]
    [InlineData("\"abbreviated_dialing\": { \"715\": \"\" }", "field \"release_prefix\": abbreviated number 715")] // 71 + slot 5
    [InlineData("\"abbreviated_dialing\": { \"*771\": \"\" }", "field \"pickup_prefix\": abbreviated number *771")]
    [InlineData("\"park_prefix\": \"102\"", "field \"park_prefix\": extension 102")]
    public void AFeaturePrefix_ThatMeetsAnExtensionHuntGroupOrAbbreviatedCode_IsRefused_NamingThePrefix(string extra, string message)
    {
        var e = Refused(File(onExtra: ", " + extra));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHuntGroupNumber_ReadAsAPickup_IsRefused()
    {
        var e = Refused(File(onExtra: ", \"pickup_prefix\": \"55\"", more: """, "hunt_groups": [ { "id": "G1", "customer": "ON", "number": "551", "name": "Desk" } ]"""));

        Assert.Contains("field \"pickup_prefix\": hunt group 551", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sip:x@127.0.0.1:5060", "a loopback address")]
    [InlineData("sip:x@[::1]:5060", "a loopback address")]
    [InlineData("sip:x@169.254.169.254:80", "a link-local address")]
    [InlineData("sip:x@[fe80::1]", "a link-local address")]
    [InlineData("sip:x@0.0.0.0", "not a host's address")]
    [InlineData("sip:x@224.0.0.1", "a multicast address")]
    [InlineData("sip:x@10.0.0.5", "a private address")]
    [InlineData("sip:x@192.168.1.10;transport=udp", "a private address")]
    [InlineData("sip:x@[fd00::5]", "a private address")]
    public void ASipUriForward_ToAnAddressTheSwitchMustNotReach_IsRefused_NamingTheTarget(string uri, string why)
    {
        var e = Refused(File(onLineExtra: $$""", "forwarding": { "mode": "advanced", "targets": [ { "number": "{{uri}}" } ] }"""));

        Assert.Contains($"field \"forwarding.targets[0].number\": '{uri}' is {why}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APrivateAddress_IsAccepted_WhenTheOperatorAllowsItForTheCustomer_AndTheChoiceRoundTrips()
    {
        var stored = Imported(File(onExtra: ", \"allow_private_forwarding\": true",
            onLineExtra: """, "forwarding": { "mode": "advanced", "targets": [ { "number": "sip:pbx@10.0.0.5" } ] }"""));

        Assert.True(stored.Customers.Single(c => c.Id == "ON").AllowPrivateForwarding);
        using var export = new MemoryStream();
        ProvisioningJsonWriter.Write(stored, export);
        Assert.True(Parse(Encoding.UTF8.GetString(export.ToArray())).Customers.Single(c => c.Id == "ON").AllowPrivateForwarding);

        // Loopback stays refused whatever the operator allows.
        Refused(File(onExtra: ", \"allow_private_forwarding\": true",
            onLineExtra: """, "forwarding": { "mode": "advanced", "targets": [ { "number": "sip:pbx@127.0.0.1" } ] }"""));
    }
}
