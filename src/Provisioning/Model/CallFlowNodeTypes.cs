namespace Centrex.Provisioning.Model;

/// <summary>
/// The node types of seed 003 this version runs. The media issue adds Voice Mail, Play audio, Voice menu and Queue as
/// new entries here and new node classes in the switch (<c>Centrex.Switch.CallFlows</c>); the evaluator does not change.
/// </summary>
public static class CallFlowNodeTypes
{
    /// <summary>Every known type by wire name.</summary>
    public static readonly IReadOnlyDictionary<string, CallFlowNodeType> All = new Dictionary<string, CallFlowNodeType>(StringComparer.Ordinal)
    {
        // "My numbers – numbers for incoming calls": the entry.
        ["my-numbers"] = new("my-numbers", [], [], ["next"], ["next"], Instant: true),

        // "Call to SIP – call forwarding to an internal phone number": rings the extension (with its own forwarding).
        ["call-to-sip"] = new("call-to-sip", ["extension"], ["ring_for"], ["no-answer", "busy"], [], Instant: false),

        // "Call to phone – call forwarding to any phone number": a forwarded call, charged to the flow's line.
        ["call-to-phone"] = new("call-to-phone", ["number"], ["ring_for", "account"], ["no-answer", "busy"], [], Instant: false),

        // Seed 004 Huntgroups: the group's members by its hunt sequence.
        ["hunt-group"] = new("hunt-group", ["group"], [], ["no-answer"], [], Instant: false),

        // Seed 002 "Follow Me": the extension's follow-me numbers (its forwarding), not the phone.
        ["follow-me"] = new("follow-me", ["extension"], [], ["no-answer"], [], Instant: false),

        // Seed 003 "Time routing" and seed 002 "Time/Date based routing ... Built in holidays".
        ["time-routing"] = new("time-routing", ["hours"], ["holidays", "time_zone"], ["true", "false"], ["true", "false"], Instant: true),

        // Seed 002: "*33 to activate night mode ... dial *33 again to return to normal calling".
        ["day-night"] = new("day-night", [], [], ["day", "night"], ["day", "night"], Instant: true),
    };
}
