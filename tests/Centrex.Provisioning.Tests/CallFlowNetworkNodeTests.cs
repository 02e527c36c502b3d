using System.Text;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Centrex.Provisioning.Store;

namespace Centrex.Provisioning.Tests;

/// <summary>
/// Issue 15, seed 003's network and caller-number nodes (HTTP notification, caller name lookup, change prefix/suffix,
/// email notification, routing by call history): stored and exported with their fields; a wrong field is refused with
/// the record, node and field named.
/// </summary>
public sealed class CallFlowNetworkNodeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string File(string nodes) => $$"""
        { "format": "centrex-provisioning/1",
          "customers": [ { "id": "C1", "company": "Acme", "contact": "A", "email": "a@x.example",
             "address": { "street": "1 Main", "city": "Halifax", "province": "NS", "country": "CA", "postal_code": "B3J" },
             "time_zone": "America/Halifax" } ],
          "accounts": [
            { "id": "16045550101", "customer": "C1", "type": "debit", "extension": "101", "sip": { "ha1_md5": "0123456789abcdef0123456789abcdef" }, "dids": ["+16045550100"] },
            { "id": "16045550102", "customer": "C1", "type": "debit", "extension": "102", "sip": { "ha1_md5": "0123456789abcdef0123456789abcdef" } } ],
          "call_flows": [ { "id": "main", "customer": "C1", "numbers": ["16045550100"], "nodes": [ {{nodes}} ] } ] }
        """;

    private const string GoodNodes = """
        { "id": "in", "type": "my-numbers", "branches": { "next": "name" } },
        { "id": "name", "type": "caller-name-lookup", "fields": { "url": "http://crm.example/name?n={caller}", "field": "full_name", "timeout": "2" }, "branches": { "next": "tag" } },
        { "id": "tag", "type": "change-prefix", "fields": { "strip": "1", "prefix": "9", "suffix": "#1" }, "branches": { "next": "notify" } },
        { "id": "notify", "type": "http-notification", "fields": { "url": "https://crm.example/calls", "timeout": "5" }, "branches": { "1": "sales", "2": "history", "error": "sales" } },
        { "id": "history", "type": "call-history", "fields": { "days": "30", "ring_for": "20" }, "branches": { "else": "sales" } },
        { "id": "sales", "type": "call-to-sip", "fields": { "extension": "101" }, "branches": { "no-answer": "mail" } },
        { "id": "mail", "type": "email-notification", "fields": { "to": "boss@acme.example", "subject": "Missed call from {caller}" }, "branches": { "next": "other" } },
        { "id": "other", "type": "call-to-sip", "fields": { "extension": "102" } }
        """;

    private static ProvisioningSnapshot Parse(string json) => ProvisioningJsonReader.Parse(Encoding.UTF8.GetBytes(json), "flows.json");

    [Fact]
    public void EveryNetworkNode_IsStoredAndExportedWithItsFields()
    {
        using (var store = ProvisioningStore.Open(_folder.Path))
        {
            store.Import(Parse(File(GoodNodes)), "flows.json");
        }

        using var reopened = ProvisioningStore.Open(_folder.Path);
        var flow = Assert.Single(reopened.Load().CallFlows);
        Assert.Equal("http://crm.example/name?n={caller}", flow.Nodes[1].Fields["url"]);
        Assert.Equal("#1", flow.Nodes[2].Fields["suffix"]);
        Assert.Equal("history", flow.Nodes[3].Branches["2"]);
        Assert.Equal("30", flow.Nodes[4].Fields["days"]);
        Assert.Equal("Missed call from {caller}", flow.Nodes[6].Fields["subject"]);

        using var export = new MemoryStream();
        ProvisioningJsonWriter.Write(reopened.Load(), export);
        var exported = Encoding.UTF8.GetString(export.ToArray());
        Assert.Contains("\"type\": \"http-notification\"", exported, StringComparison.Ordinal);
        Assert.Equal(ProvisioningJsonWriter.CallFlowJson(flow), ProvisioningJsonWriter.CallFlowJson(Parse(exported).CallFlows.Single()));
    }

    [Theory]
    [InlineData("""{ "id": "x", "type": "http-notification", "fields": { "url": "ftp://crm.example/" }, "branches": { "next": "s" } }""",
        "node \"x\": field \"fields.url\": 'ftp://crm.example/' is not an http:// or https:// URL")]
    [InlineData("""{ "id": "x", "type": "http-notification", "fields": { "url": "http://crm.example/", "timeout": "11" }, "branches": { "next": "s" } }""",
        "node \"x\": field \"fields.timeout\": '11' is not 1 to 10 seconds")]
    [InlineData("""{ "id": "x", "type": "http-notification", "fields": { "url": "http://crm.example/" }, "branches": { "6": "s" } }""",
        "node \"x\": field \"branches.6\": a http-notification node has branches 1, 2, 3, 4, 5, next, error")]
    [InlineData("""{ "id": "x", "type": "caller-name-lookup", "fields": { "url": "http://crm.example/{caller}" } }""",
        "node \"x\": field \"branches.next\": a caller-name-lookup node needs it")]
    [InlineData("""{ "id": "x", "type": "change-prefix", "fields": { "prefix": "9a" }, "branches": { "next": "s" } }""",
        "node \"x\": field \"fields.prefix\": '9a' is not up to 15 digits, * or # (+ first)")]
    [InlineData("""{ "id": "x", "type": "change-prefix", "fields": { "strip": "-1" }, "branches": { "next": "s" } }""",
        "node \"x\": field \"fields.strip\": '-1' is not 0 to 15 characters")]
    [InlineData("""{ "id": "x", "type": "email-notification", "fields": { "to": "boss at acme" }, "branches": { "next": "s" } }""",
        "node \"x\": field \"fields.to\": 'boss at acme' is not an email address")]
    [InlineData("""{ "id": "x", "type": "email-notification", "fields": {}, "branches": { "next": "s" } }""",
        "node \"x\": field \"fields.to\": a email-notification node needs it")]
    [InlineData("""{ "id": "x", "type": "call-history", "fields": { "days": "365" }, "branches": { "else": "s" } }""",
        "node \"x\": field \"fields.days\": '365' is not 1 to 90 days")]
    [InlineData("""{ "id": "x", "type": "change-prefix", "fields": { "prefix": "9" }, "branches": { "next": "x" } }""",
        "node \"x\": field \"branches\": the nodes x -> x loop without ever ringing anyone")]
    public void AWrongField_IsRefusedNamingTheRecordNodeAndField(string node, string expected)
    {
        using var store = ProvisioningStore.Open(_folder.Path);
        var nodes = """{ "id": "in", "type": "my-numbers", "branches": { "next": "x" } }, { "id": "s", "type": "call-to-sip", "fields": { "extension": "101" } }, """ + node;

        var e = Assert.Throws<ProvisioningException>(() => store.Import(Parse(File(nodes)), "flows.json"));

        Assert.Contains("call_flows (id \"main\")", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Empty(store.Load().CallFlows);
    }
}
