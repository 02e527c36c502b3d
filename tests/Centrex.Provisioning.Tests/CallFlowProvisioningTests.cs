using System.Text;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Centrex.Provisioning.Store;

namespace Centrex.Provisioning.Tests;

/// <summary>
/// Issue 15: call flows (seed 003) and hunt groups (seed 004) through JSON, validation and the store. A flow with an
/// unknown node, a dangling branch or a cycle that cannot end is refused with the record, node and field named.
/// </summary>
public sealed class CallFlowProvisioningTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private const string Sales = """
        { "id": "sales", "customer": "C1", "number": "200", "name": "Sales", "sequence": "simultaneous", "caller_id": "group-name",
          "pickup_allowed": true, "no_answer": "+15145550100",
          "members": [ { "extension": "101", "ring_for": 15, "primary": true }, { "extension": "102", "ring_delay": 2, "ignore_follow_me": true } ] }
        """;

    private static string File(string nodes, string groups = Sales, string numbers = "\"16045550100\"") => $$"""
        { "format": "centrex-provisioning/1",
          "customers": [ { "id": "C1", "company": "Acme", "contact": "A", "email": "a@x.example",
             "address": { "street": "1 Main", "city": "Halifax", "province": "NS", "country": "CA", "postal_code": "B3J" },
             "time_zone": "America/Halifax" } ],
          "accounts": [
            { "id": "16045550101", "customer": "C1", "type": "debit", "extension": "101", "sip": { "ha1_md5": "0123456789abcdef0123456789abcdef" }, "dids": ["+16045550100"] },
            { "id": "16045550102", "customer": "C1", "type": "debit", "extension": "102", "sip": { "ha1_md5": "0123456789abcdef0123456789abcdef" } } ],
          "hunt_groups": [ {{groups}} ],
          "call_flows": [ { "id": "main", "customer": "C1", "numbers": [{{numbers}}], "nodes": [ {{nodes}} ] } ] }
        """;

    private const string GoodNodes = """
        { "id": "in", "type": "my-numbers", "branches": { "next": "hours" } },
        { "id": "hours", "type": "time-routing", "fields": { "hours": "mon-fri 09:00-17:00", "holidays": "2026-12-25" }, "branches": { "true": "group", "false": "night" } },
        { "id": "group", "type": "hunt-group", "fields": { "group": "200" }, "branches": { "no-answer": "cell" } },
        { "id": "night", "type": "day-night", "branches": { "day": "group", "night": "cell" } },
        { "id": "cell", "type": "call-to-phone", "fields": { "number": "+15145550100" } }
        """;

    private static ProvisioningSnapshot Parse(string json) => ProvisioningJsonReader.Parse(Encoding.UTF8.GetBytes(json), "flows.json");

    [Fact]
    public void AFlowAndAHuntGroup_AreStoredAndExportedWithEveryField()
    {
        using (var store = ProvisioningStore.Open(_folder.Path))
        {
            store.Import(Parse(File(GoodNodes)), "flows.json");
        }

        using var reopened = ProvisioningStore.Open(_folder.Path);
        var loaded = reopened.Load();
        var flow = Assert.Single(loaded.CallFlows);
        Assert.Equal(["in", "hours", "group", "night", "cell"], flow.Nodes.Select(n => n.Id));
        Assert.Equal("mon-fri 09:00-17:00", flow.Nodes[1].Fields["hours"]);
        Assert.Equal("cell", flow.Nodes[2].Branches["no-answer"]);
        var group = Assert.Single(loaded.HuntGroups);
        Assert.Equal((HuntSequence.Simultaneous, HuntCallerId.GroupName, true, "+15145550100"), (group.Sequence, group.CallerId, group.PickupAllowed, group.NoAnswer));
        Assert.Equal(new HuntGroupMember("102", 2, 20, true, false), group.Members[1]);

        using var export = new MemoryStream();
        ProvisioningJsonWriter.Write(loaded, export);
        var again = Parse(Encoding.UTF8.GetString(export.ToArray()));
        Assert.Equal(ProvisioningJsonWriter.CallFlowJson(flow), ProvisioningJsonWriter.CallFlowJson(again.CallFlows.Single()));
        Assert.Equal(ProvisioningJsonWriter.HuntGroupJson(group), ProvisioningJsonWriter.HuntGroupJson(again.HuntGroups.Single()));
    }

    [Theory]
    [InlineData("""{ "id": "in", "type": "my-numbers", "branches": { "next": "x" } }, { "id": "x", "type": "voice-mail" }""",
        "call_flows (id \"main\"), node \"x\": field \"type\": unknown node type 'voice-mail'")]
    [InlineData("""{ "id": "in", "type": "my-numbers", "branches": { "next": "nowhere" } }""",
        "call_flows (id \"main\"), node \"in\": field \"branches.next\": no node \"nowhere\" in the flow (a dangling branch)")]
    [InlineData("""
        { "id": "in", "type": "my-numbers", "branches": { "next": "a" } },
        { "id": "a", "type": "time-routing", "fields": { "hours": "mon-fri 09:00-17:00" }, "branches": { "true": "b", "false": "ring" } },
        { "id": "b", "type": "day-night", "branches": { "day": "a", "night": "ring" } },
        { "id": "ring", "type": "call-to-sip", "fields": { "extension": "101" } }
        """, "call_flows (id \"main\"), node \"a\": field \"branches\": the nodes a -> b -> a loop without ever ringing anyone")]
    [InlineData("""{ "id": "in", "type": "my-numbers", "branches": { "next": "h" } }, { "id": "h", "type": "time-routing", "fields": { "hours": "mon-fri 9-5" }, "branches": { "true": "in", "false": "in" } }""",
        "node \"h\": field \"fields.hours\": '9-5' is not a time range")]
    [InlineData("""{ "id": "in", "type": "my-numbers", "branches": { "next": "s" } }, { "id": "s", "type": "call-to-sip", "fields": { "extension": "999" } }""",
        "node \"s\": field \"fields.extension\": '999' is not an extension")]
    [InlineData("""{ "id": "in", "type": "my-numbers", "branches": { "next": "g" } }, { "id": "g", "type": "hunt-group", "fields": {} }""",
        "node \"g\": field \"fields.group\": a hunt-group node needs it")]
    [InlineData("""{ "id": "s", "type": "call-to-sip", "fields": { "extension": "101" } }""",
        "field \"nodes\": a flow has exactly one my-numbers node")]
    public void ABadFlow_IsRefusedNamingTheRecordNodeAndField(string nodes, string expected)
    {
        using var store = ProvisioningStore.Open(_folder.Path);

        var e = Assert.Throws<ProvisioningException>(() => store.Import(Parse(File(nodes)), "flows.json"));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Empty(store.Load().CallFlows);
    }

    [Fact]
    public void ACycleThroughARingingNode_IsAllowed()
    {
        // The hunt group waits for its members: the caller or the group's ring time ends each turn of the loop.
        var nodes = """
            { "id": "in", "type": "my-numbers", "branches": { "next": "g" } },
            { "id": "g", "type": "hunt-group", "fields": { "group": "200" }, "branches": { "no-answer": "g" } }
            """;
        using var store = ProvisioningStore.Open(_folder.Path);

        store.Import(Parse(File(nodes)), "flows.json");

        Assert.Single(store.Load().CallFlows);
    }

    [Theory]
    [InlineData("""{ "id": "g", "customer": "C1", "number": "101" }""", "hunt_groups (id \"g\"): field \"number\": '101' is an extension")]
    [InlineData("""{ "id": "g", "customer": "C1", "number": "300", "members": [ { "extension": "109" } ] }""", "hunt_groups (id \"g\"): field \"members[0].extension\": '109' is not an extension")]
    [InlineData("""{ "id": "g", "customer": "C1", "number": "300", "groups": ["300"] }""", "hunt_groups (id \"g\"): field \"groups\": hunt group '300' includes itself")]
    [InlineData("""{ "id": "g", "customer": "C1", "number": "SALES" }""", "hunt_groups (id \"g\"): field \"number\": 'SALES' is not 1 to 15 digits")]
    public void ABadHuntGroup_IsRefusedNamingTheField(string group, string expected)
    {
        using var store = ProvisioningStore.Open(_folder.Path);

        var e = Assert.Throws<ProvisioningException>(() => store.Import(Parse(File(GoodNodes, Sales + ", " + group)), "flows.json"));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANumberThatIsNotTheCustomers_IsRefused()
    {
        using var store = ProvisioningStore.Open(_folder.Path);

        var e = Assert.Throws<ProvisioningException>(() => store.Import(Parse(File(GoodNodes, numbers: "\"15550001111\"")), "flows.json"));

        Assert.Contains("call_flows (id \"main\"): field \"numbers\": '15550001111' is not a DID or extension", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForwardingsIssue15Settings_RoundTrip_AndDefaultsWriteNothingNew()
    {
        var target = new ForwardTarget("+15145550100", "cell", 15, CallerDisplay.Caller, true, []);
        var conditional = new Forwarding(ForwardingMode.FollowMe, [target]) { When = ForwardWhen.Unanswered, RingSeconds = 12, Simultaneous = true };

        var again = ProvisioningJsonReader.ParseForwarding(ProvisioningJsonWriter.ForwardingJson(conditional), "test");
        var plain = ProvisioningJsonWriter.ForwardingJson(new Forwarding(ForwardingMode.Simple, [target]));

        Assert.Equal((ForwardWhen.Unanswered, 12, true), (again.When, again.RingSeconds, again.Simultaneous));
        Assert.DoesNotContain("\"when\"", plain, StringComparison.Ordinal);
        Assert.Equal(ForwardWhen.Always, ProvisioningJsonReader.ParseForwarding(plain, "test").When);
    }

    [Fact]
    public void RemovingAHuntGroup_KeepsEverythingElse_AndOneAFlowRingsIsRefusedChangingNothing()
    {
        using var store = ProvisioningStore.Open(_folder.Path);
        store.Import(Parse(File(GoodNodes, Sales + """, { "id": "spare", "customer": "C1", "number": "300", "members": [ { "extension": "102" } ] }""")), "flows.json");

        var left = store.RemoveHuntGroup("spare", "portal");
        var used = Assert.Throws<ProvisioningException>(() => store.RemoveHuntGroup("sales", "portal"));
        var unknown = Assert.Throws<ProvisioningException>(() => store.RemoveHuntGroup("spare", "portal"));

        Assert.Equal(["sales"], left.HuntGroups.Select(g => g.Id));
        Assert.Equal(["sales"], store.Load().HuntGroups.Select(g => g.Id)); // the refused removal changed nothing
        Assert.Single(store.Load().CallFlows);
        Assert.Equal(2, store.Load().Accounts.Count);
        Assert.Contains("'200' is not a hunt group of the flow's customer", used.Message, StringComparison.Ordinal);
        Assert.Equal("portal: hunt_groups (id \"spare\"): no such hunt group", unknown.Message);
    }
}
