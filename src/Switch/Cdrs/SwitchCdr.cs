using Centrex.Switch.Admission;
using NodaTime;

namespace Centrex.Switch.Cdrs;

/// <summary>
/// One call attempt as the switch records it: every attempt ends in exactly one, whatever its outcome. Immutable; the
/// B2BUA builds it when the call ends and hands it to an <see cref="ICdrSink"/>.
/// </summary>
/// <param name="Id">Unique id (also the id the ledger charges it under, so it is charged once however often it is seen).</param>
/// <param name="Account">The account the call belongs to (the caller's for outgoing calls, the callee's for incoming).</param>
/// <param name="Caller">The calling number or extension.</param>
/// <param name="CalleeDialed">The callee as dialed.</param>
/// <param name="CalleeNormalized">The callee as E.164 digits after the dial plan; empty when it is not a public number
/// (an extension, a feature code).</param>
/// <param name="Start">When the INVITE arrived.</param>
/// <param name="Answer">When the call was answered (2xx), or <see langword="null"/>.</param>
/// <param name="End">When the call ended (BYE, final failure response, CANCEL, refusal).</param>
/// <param name="BillableSeconds">Whole seconds from answer to end (see <see cref="BillableSecondsBetween"/>); 0 when not answered.</param>
/// <param name="Disposition">How it ended.</param>
/// <param name="SipCallId">The SIP Call-ID of the caller's leg.</param>
/// <param name="Codec">The negotiated codec (<see cref="NegotiatedCodec.Encoding"/>), or empty.</param>
/// <param name="Site">The site the call counted on.</param>
/// <param name="Direction">Outgoing or incoming, seen from <paramref name="Account"/>.</param>
/// <param name="Forwarded">Whether the call was forwarded (billed to the forwarding account, seed 001: "How are forwarded calls billed?").</param>
public sealed record SwitchCdr(
    string Id,
    string Account,
    string Caller,
    string CalleeDialed,
    string CalleeNormalized,
    Instant Start,
    Instant? Answer,
    Instant End,
    int BillableSeconds,
    CallDisposition Disposition,
    string SipCallId,
    string Codec,
    string Site,
    CallDirection Direction,
    bool Forwarded)
{
    /// <summary>
    /// Whether the call is charged to <see cref="Account"/>: answered, and placed by it or forwarded by it, and not an
    /// emergency call. Incoming calls are not charged to the callee.
    /// </summary>
    public bool IsChargeable => Disposition == CallDisposition.Answered && (Direction == CallDirection.Outgoing || Forwarded) && !Emergency;

    /// <summary>
    /// Whether the call was answered on one of <see cref="Account"/>'s numbers, as received: such a call is charged
    /// only when the account's contract prices it (a toll-free DID with an inbound rate, issue 17 rule 4).
    /// </summary>
    public bool IsReceived => Disposition == CallDisposition.Answered && Direction == CallDirection.Incoming && !Forwarded && !Emergency;

    /// <summary>A call to an emergency number (issue 14): recorded, never charged.</summary>
    public bool Emergency { get; init; }

    /// <summary>
    /// The line (account id) whose phone answered, when it is one of ours: the member of a hunt group or call flow, a
    /// follow-me line, a colleague who picked the call up, or the line called. Empty when unanswered, answered outside
    /// (a trunk, a <c>sip:</c> URI), or written before the column existed. <see cref="Account"/> stays the line the
    /// call belongs to (for a flow, the line the flow answers for), so this is the only place the answering member shows.
    /// </summary>
    public string AnsweredBy { get; init; } = string.Empty;

    /// <summary>
    /// For a call from another customer's line on this switch (recorded on the called line, <see cref="Caller"/> being
    /// what the called phone was shown), the calling line's account id; empty for any other call and in lines written
    /// before the column existed. The caller's customer finds its call by it (issue 16, Call Logs).
    /// </summary>
    public string CallingAccount { get; init; } = string.Empty;

    /// <summary>What the rater prices: <see cref="RatedCallee.Of"/> the normalized and dialed callee.</summary>
    public string CalleeForRating => RatedCallee.Of(CalleeNormalized, CalleeDialed);

    /// <summary>
    /// Billable whole seconds from answer to end: a started second counts (rounded up, as switches bill), but never
    /// more than the duration the call was authorized for, since the switch's own BYE at that limit may land a few
    /// milliseconds late.
    /// </summary>
    /// <param name="answer">Answer instant.</param>
    /// <param name="end">End instant.</param>
    /// <param name="maxDurationSeconds">The authorized maximum (<c>CallAuthorization.MaxDurationSeconds</c>).</param>
    public static int BillableSecondsBetween(Instant answer, Instant end, int maxDurationSeconds)
    {
        var ticks = (end - answer).BclCompatibleTicks;
        if (ticks <= 0)
        {
            return 0;
        }

        var seconds = (ticks + (NodaConstants.TicksPerSecond - 1)) / NodaConstants.TicksPerSecond;
        return (int)Math.Min(seconds, maxDurationSeconds);
    }
}
