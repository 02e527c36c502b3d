using System.Text.Json;
using Centrex.Provisioning.Model;

namespace Centrex.Provisioning.Json;

/// <summary>
/// <c>call_flows</c> (seed 003) and <c>hunt_groups</c> (seed 004):
/// <c>{ "id": "acme-main", "customer": "acme", "numbers": ["16045550100"], "nodes": [ { "id": "in", "type": "my-numbers",
/// "branches": { "next": "hours" } }, { "id": "hours", "type": "time-routing", "fields": { "hours": "mon-fri 09:00-17:00" },
/// "branches": { "true": "sales", "false": "mobile" } }, ... ] }</c> and
/// <c>{ "id": "acme-sales", "customer": "acme", "number": "200", "name": "Sales", "sequence": "simultaneous",
/// "caller_id": "keep", "pickup_allowed": true, "no_answer": "16045550199", "members": [ { "extension": "101",
/// "ring_delay": 0, "ring_for": 20, "ignore_follow_me": false, "primary": true } ], "groups": ["300"] }</c>.
/// The store keeps each record as this JSON, so a node type's new fields need no migration.
/// </summary>
public static partial class ProvisioningJsonReader
{
    private static readonly string[] CallFlowFields = ["id", "customer", "numbers", "nodes"];
    private static readonly string[] NodeFields = ["id", "type", "fields", "branches"];
    private static readonly string[] HuntGroupFields = ["id", "customer", "number", "name", "sequence", "caller_id", "pickup_allowed", "no_answer", "members", "groups"];
    private static readonly string[] MemberFields = ["extension", "ring_delay", "ring_for", "ignore_follow_me", "primary"];

    /// <summary>Parses one <c>call_flows</c> record (the store keeps it as this JSON).</summary>
    public static CallFlow ParseCallFlow(string json, string where)
    {
        using var document = JsonDocument.Parse(json);
        return ReadCallFlow(new JsonRecord(document.RootElement, where, CallFlowFields));
    }

    /// <summary>Parses one <c>hunt_groups</c> record (the store keeps it as this JSON).</summary>
    public static HuntGroup ParseHuntGroup(string json, string where)
    {
        using var document = JsonDocument.Parse(json);
        return ReadHuntGroup(new JsonRecord(document.RootElement, where, HuntGroupFields));
    }

    private static CallFlow ReadCallFlow(JsonRecord r)
    {
        var nodes = r.Has("nodes") ? r.Records("nodes", NodeFields).Select(ReadNode).ToList() : [];
        return new CallFlow(r.NonEmpty("id"), r.NonEmpty("customer"), r.Strings("numbers"), nodes);
    }

    private static CallFlowNode ReadNode(JsonRecord n) =>
        new(n.NonEmpty("id"), n.NonEmpty("type"), n.StringMap("fields"), n.StringMap("branches"));

    private static HuntGroup ReadHuntGroup(JsonRecord r) => new(
        r.NonEmpty("id"),
        r.NonEmpty("customer"),
        r.NonEmpty("number"),
        r.OptionalString("name") ?? r.NonEmpty("number"),
        r.Enum("sequence", WireNames.HuntSequences, HuntSequence.Order),
        r.Enum("caller_id", WireNames.HuntCallerIds, HuntCallerId.Keep),
        r.Bool("pickup_allowed", false),
        r.OptionalString("no_answer"),
        r.Has("members") ? [.. r.Records("members", MemberFields).Select(ReadMember)] : [],
        r.Strings("groups"));

    private static HuntGroupMember ReadMember(JsonRecord m) => new(
        m.NonEmpty("extension"), m.Int("ring_delay", 0), m.Int("ring_for", DefaultRingSeconds), m.Bool("ignore_follow_me", false), m.Bool("primary", false));
}
