using Centrex.Switch.CallFlows;

namespace Centrex.Switch.Calls;

/// <summary>
/// A call that rings more than one place (a call flow, a line's forwarding, a hunt group): where it is in its flow, the
/// targets of the current step and the legs ringing now. Owned by the call's partition like the call itself.
/// </summary>
internal sealed class CallFork(CallInfo original, string? line)
{
    /// <summary>The call as it arrived (before it became a forwarded call).</summary>
    public CallInfo Original { get; } = original;

    /// <summary>The line the flow or forwarding belongs to: it pays for external numbers (seed 001) unless a node names another.</summary>
    public string? Line { get; } = line;

    /// <summary>The directory snapshot the call started with: every later step reads the same one (live provisioning).</summary>
    public required Provisioning.ISwitchDirectory Directory { get; init; }

    /// <summary>The customer whose flow, forwarding or group it is (night mode, time zone).</summary>
    public required string CustomerId { get; init; }

    /// <summary>That customer's time zone.</summary>
    public required NodaTime.DateTimeZone Zone { get; init; }

    /// <summary>Where the call is in its flow (no flow: a single step).</summary>
    public FlowRun Run;

    /// <summary>The current step's targets, in order.</summary>
    public List<RingTarget> Targets { get; } = [];

    /// <summary>The next target not yet rung.</summary>
    public int Next { get; set; }

    /// <summary>Legs ringing now.</summary>
    public List<Call> Legs { get; } = [];

    /// <summary>Legs waiting for their ring delay.</summary>
    public int Delayed { get; set; }

    /// <summary>The group rung now, for the caller ID its members see.</summary>
    public HuntGroupPlan? Group { get; set; }

    /// <summary>The leg that answered.</summary>
    public Call? Winner { get; set; }

    /// <summary>A leg of the current step was busy.</summary>
    public bool Busy { get; set; }

    /// <summary>A leg of the current step failed otherwise (no answer, unavailable, refused).</summary>
    public bool Other { get; set; }

    /// <summary>The last final status a leg gave, and its reason (the caller gets it when nothing is left).</summary>
    public int LastStatus { get; set; } = 480;

    /// <summary>The reason phrase for <see cref="LastStatus"/>.</summary>
    public string LastReason { get; set; } = "Temporarily Unavailable";

    /// <summary>
    /// When <see cref="LastStatus"/> is the switch's own refusal of a forward (the payer's balance, its fraud controls,
    /// a site limit: <c>B2bua.TryForward</c>), what the call's CDR records if the caller ends up with it; null when a leg
    /// or an unreachable target gave it. A 403 alone cannot tell a fraud refusal from a balance one.
    /// </summary>
    public Cdrs.CallDisposition? LastRefusal { get; set; }

    /// <summary>
    /// The Warning text naming the site limit that refused a forward of this call (Max Number of Forwarded Calls, seed
    /// 004), kept for the rest of the call: whatever the caller finally hears (the 503 itself, or the failure of a line
    /// tried after it) carries it, so the caller and the operator see why the forwarded number never rang.
    /// </summary>
    public string? LimitWarning { get; set; }

    /// <summary>Whether a 180 went to the caller already.</summary>
    public bool RelayedRinging { get; set; }

    /// <summary>A node's network work the flow waits for (null: none): its result resumes the flow unless this changed since.</summary>
    public FlowWork? Pending { get; set; }

    /// <summary>The caller's name a lookup found (seed 003 Caller name lookup): the From display name of what rings next.</summary>
    public string? CallerName { get; set; }

    /// <summary>The caller number as a Change prefix/suffix node left it; null: unchanged.</summary>
    public string? Caller { get; set; }

    /// <summary>The caller's display name as each leg's From shows it, made for the first leg (null: not yet).</summary>
    public string? CallerDisplay { get; set; }

    /// <summary>The part of the INVITE every leg shares (LegInviteWriter.Tail), written for the first leg.</summary>
    public byte[]? InviteTail { get; set; }

    /// <summary>The member order chosen for a hunt group (reused step after step): room for the largest group provisioning allows.</summary>
    public int[] Order { get; } = new int[HuntGroupPlan.MaxLines];
}
