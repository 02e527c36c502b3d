using NodaTime;

using CallDisposition = Centrex.Switch.Cdrs.CallDisposition;

namespace Centrex.Switch.Calls;

/// <summary>
/// How a call attempt ended, given once to <see cref="ICdrSink"/>: answer and end instants, the disposition, the
/// final SIP status the caller got (200 for answered calls), and the SDP each side agreed on (for the codec).
/// </summary>
/// <param name="Call">The call.</param>
/// <param name="Answer">When it was answered, if it was.</param>
/// <param name="End">When it ended.</param>
/// <param name="Disposition">How it ended.</param>
/// <param name="Status">The final status sent to the caller.</param>
/// <param name="OfferSdp">The caller's SDP offer, if any.</param>
/// <param name="AnswerSdp">The callee's SDP answer, if any.</param>
public sealed record CallEnd(
    CallInfo Call,
    Instant? Answer,
    Instant End,
    CallDisposition Disposition,
    int Status,
    ReadOnlyMemory<byte> OfferSdp,
    ReadOnlyMemory<byte> AnswerSdp)
{
    /// <summary>
    /// The line of ours that answered (the member of a hunt group or flow who picked up, a colleague's pickup, or the
    /// line called); null for an unanswered call or one answered outside (a trunk, a <c>sip:</c> URI).
    /// </summary>
    public string? AnsweredBy { get; init; }

    /// <summary>Whole seconds from answer to end (0 when unanswered).</summary>
    public long BillableSeconds => Answer is { } answer ? (long)Math.Floor((End - answer).TotalSeconds) : 0;
}
