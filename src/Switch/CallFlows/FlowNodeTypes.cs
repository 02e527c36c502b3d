using Centrex.Switch.CallFlows.Nodes;
using NodaTime;

namespace Centrex.Switch.CallFlows;

/// <summary>Builds one node from its definition.</summary>
public delegate FlowNode FlowNodeFactory(FlowNodeDefinition node, FlowCompileContext context);

/// <summary>
/// The node types call control runs, by name (seed 003). Provisioning refuses a type not in its own catalogue
/// (<c>Centrex.Provisioning.Model.CallFlowNodeTypes</c>); adding a feature adds an entry in both and a node class here.
/// </summary>
public static class FlowNodeTypes
{
    /// <summary>Every type's factory.</summary>
    public static readonly IReadOnlyDictionary<string, FlowNodeFactory> All = new Dictionary<string, FlowNodeFactory>(StringComparer.Ordinal)
    {
        ["my-numbers"] = (n, c) => new EntryNode { Id = n.Id, NextNode = c.Branch(n, "next") },
        ["call-to-sip"] = (n, c) => new CallToSipNode
        {
            Id = n.Id, AccountId = c.Account(n, "extension"), RingSeconds = c.Seconds(n, "ring_for"), NoAnswer = c.Branch(n, "no-answer"), Busy = c.Branch(n, "busy"),
        },
        ["call-to-phone"] = (n, c) => new CallToPhoneNode
        {
            Id = n.Id, Number = c.Field(n, "number").TrimStart('+'), Payer = n.Fields.GetValueOrDefault("account"), RingSeconds = c.Seconds(n, "ring_for"),
            NoAnswer = c.Branch(n, "no-answer"), Busy = c.Branch(n, "busy"),
        },
        ["hunt-group"] = (n, c) => new HuntGroupNode
        {
            Id = n.Id, Group = c.Groups(c.Field(n, "group")) ?? throw c.Error(n, "fields.group", $"'{n.Fields["group"]}' is not a hunt group of the customer"),
            NoAnswer = c.Branch(n, "no-answer"),
        },
        ["follow-me"] = (n, c) => new FollowMeNode { Id = n.Id, AccountId = c.Account(n, "extension"), NoAnswer = c.Branch(n, "no-answer") },
        ["time-routing"] = (n, c) => new TimeRoutingNode
        {
            Id = n.Id, Hours = Parse(n, c, "hours", OfficeHours.Parse), Holidays = Parse(n, c, "holidays", OfficeHours.ParseHolidays),
            Zone = n.Fields.TryGetValue("time_zone", out var zone) ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) ?? throw c.Error(n, "fields.time_zone", $"'{zone}' is not an IANA time zone") : null,
            WhenTrue = c.Branch(n, "true"), WhenFalse = c.Branch(n, "false"),
        },
        ["day-night"] = (n, c) => new DayNightNode { Id = n.Id, Day = c.Branch(n, "day"), Night = c.Branch(n, "night") },
    };

    private static T Parse<T>(FlowNodeDefinition n, FlowCompileContext c, string field, Func<string, T> parse)
    {
        try
        {
            return parse(field == "hours" ? c.Field(n, field) : n.Fields.GetValueOrDefault(field) ?? string.Empty);
        }
        catch (Exception e) when (e is FormatException or NodaTime.Text.UnparsableValueException)
        {
            throw c.Error(n, "fields." + field, e.Message);
        }
    }
}
