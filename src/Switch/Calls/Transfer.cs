using System.Net;
using Centrex.Switch.Clock;
using Centrex.Switch.Transactions;
using Centrex.Switch.Transport;
using NodaTime;

namespace Centrex.Switch.Calls;

/// <summary>
/// One transfer under way (B2bua.Transfer.cs): the call whose party sent REFER (the transferor), the party that stays
/// (the transferee, on the other side), and the target being brought in, either by a new INVITE (blind, RFC 3515) or
/// from the transferor's consultation call (attended, RFC 3891). Lives from the REFER to the target's final response.
/// </summary>
internal sealed class Transfer(Call call, bool transferorIsCaller) : ITimerTarget
{
    public Call Call { get; } = call;

    /// <summary>The transferor is on the call's A side (it placed the call), else on its B side.</summary>
    public bool TransferorIsCaller { get; } = transferorIsCaller;

    /// <summary>Set once the target took the transferor's side: NOTIFY and BYE then go in <see cref="Transferor"/>.</summary>
    public bool Swapped { get; set; }

    public DialogHeaders? Transferor { get; set; }

    public string TransferorTarget { get; set; } = string.Empty;

    public SipTransportKind TransferorKind { get; set; }

    public IPEndPoint? TransferorDestination { get; set; }

    public SipConnection? TransferorConnection { get; set; }

    public int TransferorCSeq { get; set; }

    // The target's dialog: a new one (blind) or the consultation call's (attended).
    public DialogHeaders? Target { get; set; }

    public string TargetContact { get; set; } = string.Empty;

    public SipTransportKind TargetKind { get; set; }

    public IPEndPoint? TargetDestination { get; set; }

    public SipConnection? TargetConnection { get; set; }

    /// <summary>The CSeq of the INVITE or re-INVITE sent to the target (its ACK carries the same number).</summary>
    public int TargetCSeq { get; set; }

    /// <summary>The target's account, when it is one of ours.</summary>
    public string? TargetAccount { get; set; }

    public ClientTransaction? Invite { get; set; }

    public bool Provisional { get; set; }

    public bool CancelPending { get; set; }

    public byte[]? Ack { get; set; }

    /// <summary>Finished (completed, failed or abandoned): a late 2xx from the target is acknowledged and released.</summary>
    public bool Done { get; set; }

    /// <summary>The billing segment the call goes on as once the target answers (who pays the leg to the target).</summary>
    public CallInfo? Segment { get; set; }

    public bool Admitted { get; set; }

    public Duration? MaxDuration { get; set; }

    public IMediaSession? Media { get; set; }

    public bool HandedOver { get; set; }

    /// <summary>The target's ring time: a slot of the partition's wheel with this as its target (no closure).</summary>
    public TimerHandle NoAnswerTimer { get; set; }

    /// <summary>Whom the timer tells: the partition's B2BUA.</summary>
    public ICallTimers? Timers { get; set; }

    public void OnTimer(int kind) => Timers?.OnTransferNoAnswer(this);

    /// <summary>
    /// A parked call ringing back its parker (B2bua.Park.cs): no transferor to notify, and the call goes on as the same
    /// call (its CDR, authorization and cap unchanged); a failure puts it back in its slot.
    /// </summary>
    public ParkedCall? Ringback { get; set; }

    /// <summary>Attended: the transferor's call with the target, whose target side moves into <see cref="Call"/>.</summary>
    public Call? Consult { get; set; }

    /// <summary>Attended: the target is on the consultation call's A side (it called the transferor).</summary>
    public bool TargetIsConsultCaller { get; set; }
}
