using System.Text;
using Centrex.Provisioning.Json;
using Centrex.Switch.CallFlows;
using Centrex.Switching;
using NodaTime;

namespace Centrex.Cli.Tests;

/// <summary>
/// Issue 15 in the host: the switch's directory compiles provisioning's call flows, hunt groups and line forwarding, so
/// what an import stores is what call control runs.
/// </summary>
public sealed class ProvisionedFlowsTests
{
    private static ProvisionedSwitchDirectory Directory()
    {
        const string Forwarding = """
            "extension": "101", "forwarding": { "mode": "follow-me", "when": "unanswered", "ring_for": 15, "simultaneous": true, "targets": [
              { "number": "+15145550100", "ring_for": 25, "schedule": [ { "from": "20:00", "to": "08:00", "days": ["mon"] } ] }, { "number": "102", "enabled": false } ] },
            """;
        var json = SwitchProvisioning.Json().Replace("\"extension\": \"101\",", Forwarding, StringComparison.Ordinal);
        var end = json.LastIndexOf('}');
        json = json[..end] + """
            , "hunt_groups": [
                { "id": "sales", "customer": "acme", "number": "200", "sequence": "least-used", "caller_id": "group", "no_answer": "102",
                  "members": [ { "extension": "101", "ring_for": 10 } ], "groups": ["300"] },
                { "id": "support", "customer": "acme", "number": "300", "members": [ { "extension": "102", "primary": true } ] } ],
              "call_flows": [ { "id": "main", "customer": "acme", "numbers": ["16045550100"], "nodes": [
                { "id": "in", "type": "my-numbers", "branches": { "next": "hours" } },
                { "id": "hours", "type": "time-routing", "fields": { "hours": "mon-fri 09:00-17:00" }, "branches": { "true": "sales", "false": "cell" } },
                { "id": "sales", "type": "hunt-group", "fields": { "group": "200" } },
                { "id": "cell", "type": "call-to-phone", "fields": { "number": "+15145550100" } } ] } ] }
            """;
        return ProvisionedSwitchDirectory.From(ProvisioningJsonReader.Parse(Encoding.UTF8.GetBytes(json), "flows.json"), "flows.json");
    }

    [Fact]
    public void FlowsGroupsAndForwarding_AreCompiledFromProvisioning()
    {
        var directory = Directory();

        var group = directory.FindHuntGroup("acme", "200")!;
        Assert.Equal((HuntSequence.LeastUsed, HuntCallerId.Group, "102"), (group.Sequence, group.CallerId, group.NoAnswer));
        Assert.Equal([SwitchProvisioning.Limited, SwitchProvisioning.Prepaid], group.Members.Select(m => m.AccountId)); // 300's member follows
        Assert.True(directory.FindHuntGroup("acme", "300")!.Members.Single().Primary);

        var flow = directory.FindFlow("acme", "16045550100")!;
        var context = new FlowContext(Instant.FromUtc(2026, 11, 23, 18, 0), DateTimeZoneProviders.Tzdb["America/Vancouver"], false); // Monday 10:00
        var run = FlowRun.Start(flow);
        Assert.Equal("200", FlowEvaluator.Next(ref run, context).Group!.Number);
        Assert.Equal(SwitchProvisioning.Prepaid, FlowEvaluator.Resume(ref run, RingOutcome.NoAnswer, context).Target); // the group's no_answer
        Assert.Equal("America/Vancouver", directory.FindCustomer("acme")!.TimeZone.Id);

        var forwarding = directory.FindAccount("alice")!.Forwarding!;
        Assert.Equal((ForwardWhen.Unanswered, 15, true), (forwarding.When, forwarding.RingSeconds, forwarding.Simultaneous));
        var cell = Assert.Single(forwarding.Targets); // the disabled number is not rung
        Assert.Equal(("+15145550100", 25), (cell.Number, cell.RingSeconds));
        Assert.True(cell.ActiveAt(new LocalDateTime(2026, 11, 24, 7, 0)));  // Tuesday 07:00: Monday night's period
        Assert.False(cell.ActiveAt(new LocalDateTime(2026, 11, 24, 21, 0))); // Tuesday evening: not a listed day
    }

    [Fact]
    public void TheLargestGroupProvisioningStores_IsTheLargestTheSwitchRingsWhole()
    {
        // The validator refuses a group over its limit; the switch's order buffer and group build are sized by its own.
        Assert.Equal(Centrex.Provisioning.Model.HuntGroup.MaxLines, HuntGroupPlan.MaxLines);
    }
}
