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

        // Seed 003 "HTTP notification": the call's details POSTed as JSON; the answer 1-5 picks the branch. Instant in the
        // cycle sense: it waits for a server, never for a person, so a loop of them could only spin.
        ["http-notification"] = new("http-notification", ["url"], ["timeout"], ["1", "2", "3", "4", "5", "next", "error"], [], Instant: true),

        // Seed 003 "Caller name lookup": HTTP GET by caller number; the name shows on the phone.
        ["caller-name-lookup"] = new("caller-name-lookup", ["url"], ["timeout", "field"], ["next", "error"], ["next"], Instant: true),

        // Seed 003 "Change suffix/prefix": the caller number as the next phone sees it.
        ["change-prefix"] = new("change-prefix", [], ["strip", "prefix", "suffix"], ["next"], ["next"], Instant: true),

        // Seed 003 "Email notification" (e.g. when the call is not answered): sent in the background, the flow goes on.
        ["email-notification"] = new("email-notification", ["to"], ["subject"], ["next"], [], Instant: true),

        // Seed 003 "Routing by call history": the extension the caller last spoke with within N days.
        ["call-history"] = new("call-history", ["days"], ["ring_for", "timeout"], ["else"], [], Instant: true),
    };
}
