namespace Centrex.Switch.Calls;

/// <summary>
/// Site admission control (seed 004, "Sites"). <see cref="Admit"/> is called once per call attempt before the callee
/// is tried; every admitted call gets exactly one <see cref="Release"/> when it ends, however it ends. Calls arrive
/// under the switch's lock: implementations must be quick and must not block.
/// </summary>
public interface ICallAdmission
{
    /// <summary>Counts the call against its site's limits, or refuses it. <paramref name="offerSdp"/> gives the codecs.</summary>
    AdmissionDecision Admit(CallInfo call, ReadOnlyMemory<byte> offerSdp);

    /// <summary>The callee's SDP answer: the negotiated codec, for bandwidth accounting. May refuse (the switch then hangs up).</summary>
    AdmissionDecision Answered(CallInfo call, ReadOnlyMemory<byte> answerSdp);

    /// <summary>The admitted call ended (BYE, CANCEL, failure, timeout): give its capacity back.</summary>
    void Release(CallInfo call);
}
