using System.Net;
using Centrex.Switch.Clock;
using Centrex.Switch.Sip;
using Centrex.Switch.Transactions;
using Centrex.Switch.Transport;
using NodaTime;

namespace Centrex.Switch.Calls;

/// <summary>
/// One call through the B2BUA: the caller's leg (A, where the switch is the UAS) and the callee's leg (B, where it
/// is the UAC), each its own dialog (RFC 3261 §12) with its own Call-ID, tags, remote target and CSeq.
/// </summary>
internal sealed class Call(CallInfo info, ServerTransaction invite, SipMessage? request = null) : ITimerTarget
{
    /// <summary>
    /// What the hooks know of the call; a forwarded call becomes the forwarding line's (seed 001); replaced when a
    /// transfer completes: the call goes on as a new billing segment (B2bua.Transfer.cs).
    /// </summary>
    public CallInfo Info { get; set; } = info;

    public CallState State { get; set; } = CallState.Trying;

    // A leg: the caller's INVITE and the dialog the switch answers in.
    public ServerTransaction AInvite { get; } = invite;

    /// <summary>
    /// The caller's INVITE, kept by the call for as long as it lasts (its transaction lets go of it once the 2xx has
    /// gone: Timer L keeps that transaction 32 s after, RFC 6026, with nothing left to build).
    /// </summary>
    public SipMessage ARequest { get; } = request ?? invite.Request;

    /// <summary>Where the A side's party is: the caller's source, or the party a transfer put in its place.</summary>
    public SipSource ASource { get; set; } = invite.Source;

    /// <summary>The A side's dialog when a transfer put a party the switch called in the caller's place (null: the caller's INVITE).</summary>
    public DialogHeaders? AOverride { get; set; }

    /// <summary>The B side's dialog when a transfer put another party there (null: the From, To and Call-ID below).</summary>
    public DialogHeaders? BOverride { get; set; }

    /// <summary>A transfer under way in this call (REFER, RFC 3515), until it succeeds or fails.</summary>
    public Transfer? Transfer { get; set; }

    /// <summary>The call sits in a park slot: one side is the parked party, the other was the parker's, released (B2bua.Park.cs).</summary>
    public ParkedCall? Parked { get; set; }

    /// <summary>The INVITE to the phone whose ringing call another phone picked up (cancelled; a late 2xx is ACKed and released).</summary>
    public ClientTransaction? PickedUpInvite { get; set; }

    public string ARemoteTarget { get; set; } = string.Empty;

    public int ALocalCSeq { get; set; }

    public byte[]? AFinal { get; set; }

    public Duration AFinalInterval { get; set; }

    /// <summary>How long the 2xx has been retransmitted when <see cref="AFinalTimer"/> runs (§13.3.1.4 gives up at 64*T1).</summary>
    public Duration AFinalElapsed { get; set; }

    public TimerHandle AFinalTimer { get; set; }

    public bool AAcked { get; set; }

    // B leg: the switch's INVITE to the callee (none for feature codes and refused calls).
    public ClientTransaction? BInvite { get; set; }

    public string BCallId { get; set; } = string.Empty;

    public string BFrom { get; set; } = string.Empty;

    public string BTo { get; set; } = string.Empty;

    public string BRemoteTag { get; set; } = string.Empty;

    public string BRemoteTarget { get; set; } = string.Empty;

    /// <summary>The Request-URI of the switch's INVITE to the callee: a CANCEL repeats it (RFC 3261 §9.1).</summary>
    public string BInviteUri { get; set; } = string.Empty;

    public SipTransportKind BKind { get; set; }

    public IPEndPoint? BDestination { get; set; }

    public SipConnection? BConnection { get; set; }

    public int BLocalCSeq { get; set; } = 1;

    public byte[]? BAck { get; set; }

    public bool BProvisional { get; set; }

    public bool CancelPending { get; set; }

    /// <summary>A re-INVITE or UPDATE being passed to the other party: while one is, a second gets 491 (§14.1, RFC 3311 §5.2).</summary>
    public RelayedRequest? PendingOffer { get; set; }

    /// <summary>The 2xx the switch sent to a re-INVITE, until its ACK.</summary>
    public UasFinal? ReInviteFinal { get; set; }

    /// <summary>The callee's To tag from its first provisional with one (the early dialog PRACKs go in, RFC 3262).</summary>
    public string BEarlyTag { get; set; } = string.Empty;

    /// <summary>The callee's leg went to another partition (another customer's account): that partition records the call.</summary>
    public bool HandedOver { get; set; }

    /// <summary>
    /// This call came from another partition (its caller's): that partition counts it in <see cref="B2bua.ActiveCalls"/>,
    /// so one call between two customers counts once in the switch's total (issue 16 review: it counted 2).
    /// </summary>
    public bool CountedElsewhere { get; init; }

    /// <summary>The callee is another customer's line: the call shows the caller's public identity, never its account id.</summary>
    public bool CrossCustomer { get; set; }

    /// <summary>Whatever answered the callee's leg answered at all (a provisional or final response came).</summary>
    public bool BResponded { get; set; }

    public bool Cancelled { get; set; }

    // Hooks, timers, outcome.
    public bool Admitted { get; set; }

    public IMediaSession? Media { get; set; }

    public ReadOnlyMemory<byte> Offer { get; set; }

    public ReadOnlyMemory<byte> Answer { get; set; }

    public Instant? AnswerTime { get; set; }

    /// <summary>The ring time: a plain call's, or a leg's own (a handle: the timer is a slot of the wheel, the call its target).</summary>
    public TimerHandle NoAnswerTimer { get; set; }

    public TimerHandle CapTimer { get; set; }

    /// <summary>Who is told when the call's timers run (set when one is started).</summary>
    public ICallTimers? Timers { get; set; }

    public Duration? MaxDuration { get; set; }

    public string? Feature { get; set; }

    /// <summary>What the callee's leg shows of a phone's call (B2bua.Identity); null for calls from trunks and hand-overs.</summary>
    public CallerIdentity? Identity { get; set; }

    /// <summary>The caller's and the callee's lines this partition counts the call on (call waiting, B2bua.Screening).</summary>
    public string? LineA { get; set; }

    /// <inheritdoc cref="LineA"/>
    public string? LineB { get; set; }

    /// <summary>The account on the A side when it is one of ours in this partition (a transferor must be one).</summary>
    public string? AAccount { get; set; }

    /// <summary>Header lines telling the callee's phone how to ring: paging (answer at once) or the internal ring (B2bua.Alert.cs).</summary>
    public string? Alert { get; set; }

    /// <summary>The account on the B side when it is one of ours in this partition.</summary>
    public string? BAccount { get; set; }

    /// <summary>
    /// The line of ours whose phone answered the call's INVITE (a hunt group's or flow's member, a follow-me line, a
    /// colleague who picked it up, or simply the line called), for the CDR's <c>answered_by</c>; null when none did.
    /// </summary>
    public string? AnsweredBy { get; set; }

    // Call flows, forwarding and hunt groups (issue 15).

    /// <summary>The call rings through a flow, forwarding or a hunt group: its legs and where it is (null: one plain leg).</summary>
    public CallFork? Fork { get; set; }

    /// <summary>For a leg of a fork: the call it rings for (the leg is a Call holding only its B side).</summary>
    public Call? Parent { get; set; }

    /// <summary>For a leg: what it rings (an account, a number, a URI).</summary>
    public RingTarget Target { get; set; }

    /// <summary>For a leg: the From display name and user shown to the callee (hunt group caller ID); null: the caller's.</summary>
    public string? LegDisplay { get; set; }

    /// <summary>For a leg: the From user shown to the callee; null: the caller's.</summary>
    public string? LegCaller { get; set; }

    /// <summary>
    /// For a leg to an external number other than the one its call is authorized for: that number as the payer's own
    /// call, authorized under its own id when the leg's INVITE went out (B2bua.LegHolds.cs), so every number rung holds
    /// its international slot, spend and money; with <see cref="MaxDuration"/> the duration it was granted. Null otherwise.
    /// </summary>
    public CallInfo? LegHold { get; set; }

    /// <inheritdoc/>
    public void OnTimer(int kind) => Timers?.OnCallTimer(this, kind);
}
