using System.Text.Json;
using Centrex.Provisioning.Model;

namespace Centrex.Provisioning.Json;

/// <summary>Call flows and hunt groups (see <see cref="ProvisioningJsonReader.ParseCallFlow"/>).</summary>
public static partial class ProvisioningJsonWriter
{
    /// <summary>One call flow as JSON text (as the store keeps it).</summary>
    public static string CallFlowJson(CallFlow flow) => Text(w => { w.WriteStartObject(); WriteCallFlow(w, flow); w.WriteEndObject(); });

    /// <summary>One hunt group as JSON text (as the store keeps it).</summary>
    public static string HuntGroupJson(HuntGroup group) => Text(w => { w.WriteStartObject(); WriteHuntGroup(w, group); w.WriteEndObject(); });

    private static string Text(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(w);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteFlowSections(Utf8JsonWriter w, ProvisioningSnapshot snapshot)
    {
        // Written only when there are some, so an export without them reads as it did before issue 15.
        if (snapshot.CallFlows.Count > 0)
        {
            Array(w, "call_flows", snapshot.CallFlows, WriteCallFlow);
        }

        if (snapshot.HuntGroups.Count > 0)
        {
            Array(w, "hunt_groups", snapshot.HuntGroups, WriteHuntGroup);
        }
    }

    private static void WriteCallFlow(Utf8JsonWriter w, CallFlow flow)
    {
        w.WriteString("id", flow.Id);
        w.WriteString("customer", flow.CustomerId);
        Strings(w, "numbers", flow.Numbers);
        w.WriteStartArray("nodes");
        foreach (var node in flow.Nodes)
        {
            w.WriteStartObject();
            w.WriteString("id", node.Id);
            w.WriteString("type", node.Type);
            Map(w, "fields", node.Fields);
            Map(w, "branches", node.Branches);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteHuntGroup(Utf8JsonWriter w, HuntGroup g)
    {
        w.WriteString("id", g.Id);
        w.WriteString("customer", g.CustomerId);
        w.WriteString("number", g.Number);
        w.WriteString("name", g.Name);
        w.WriteString("sequence", WireNames.Name(WireNames.HuntSequences, g.Sequence));
        w.WriteString("caller_id", WireNames.Name(WireNames.HuntCallerIds, g.CallerId));
        w.WriteBoolean("pickup_allowed", g.PickupAllowed);
        if (g.NoAnswer is not null)
        {
            w.WriteString("no_answer", g.NoAnswer);
        }

        w.WriteStartArray("members");
        foreach (var m in g.Members)
        {
            w.WriteStartObject();
            w.WriteString("extension", m.Extension);
            w.WriteNumber("ring_delay", m.RingDelaySeconds);
            w.WriteNumber("ring_for", m.RingSeconds);
            w.WriteBoolean("ignore_follow_me", m.IgnoreFollowMe);
            w.WriteBoolean("primary", m.Primary);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Strings(w, "groups", g.Groups);
    }

    private static void Map(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, string> map)
    {
        if (map.Count == 0)
        {
            return;
        }

        w.WriteStartObject(name);
        foreach (var (key, value) in map.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
    }
}
