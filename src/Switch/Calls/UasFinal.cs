using Centrex.Switch.Clock;
using NodaTime;

namespace Centrex.Switch.Calls;

/// <summary>
/// A 2xx the B2BUA sent as the UAS of a re-INVITE, retransmitted over UDP until its ACK comes (RFC 3261 §13.3.1.4),
/// and the ACK the other party is waiting for when the re-INVITE was a late offer.
/// </summary>
internal sealed class UasFinal(byte[] bytes, int cseq, bool toCaller) : ITimerTarget
{
    public byte[] Bytes { get; } = bytes;

    /// <summary>The CSeq number of the re-INVITE: its ACK carries the same.</summary>
    public int CSeq { get; } = cseq;

    /// <summary>Whether it went to the caller (its ACK comes in the caller's dialog).</summary>
    public bool ToCaller { get; } = toCaller;

    public Duration Interval { get; set; }

    public Duration Elapsed { get; set; }

    /// <summary>The retransmission timer: a slot of the partition's wheel with this as its target (no closure).</summary>
    public TimerHandle Timer { get; set; }

    /// <summary>The call, and the relayed re-INVITE whose server transaction the 2xx goes out on.</summary>
    public Call? Call { get; set; }

    public RelayedRequest? Relay { get; set; }

    /// <summary>Whom the timer tells: the partition's B2BUA.</summary>
    public ICallTimers? Timers { get; set; }

    public void OnTimer(int kind) => Timers?.OnReInviteFinalTimer(this);

    /// <summary>The relayed re-INVITE whose late-offer ACK goes on to the other party once this ACK brings the answer.</summary>
    public RelayedRequest? AwaitingAck { get; set; }
}
