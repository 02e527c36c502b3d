using Centrex.Switch.Clock;
using NodaTime;

namespace Centrex.Switch.Calls;

/// <summary>
/// A call's own timers (ring time, duration cap, the 2xx retransmission, a leg's ring time and ring delay) as slots of
/// the partition's wheel with the call as their target, as transactions' timers are: no closure and no timer object per
/// call. The wheel gives a reused slot a new generation, so a handle a call keeps after its timer ran or was cancelled
/// cancels nothing of the call that uses the slot next.
/// </summary>
internal sealed partial class B2bua
{
    private const int TimerKindBits = 4;

    private TimerHandle StartCallTimer(Call call, Duration delay, CallTimer kind, int index = 0)
    {
        call.Timers = this;
        return _stack.StartTimer(delay, call, (int)kind | (index << TimerKindBits));
    }

    /// <inheritdoc/>
    public void OnCallTimer(Call call, int kind)
    {
        switch ((CallTimer)(kind & ((1 << TimerKindBits) - 1)))
        {
            case CallTimer.NoAnswer:
                OnNoAnswer(call);
                break;
            case CallTimer.Cap:
                OnCap(call);
                break;
            case CallTimer.AFinal:
                RetransmitAFinal(call);
                break;
            case CallTimer.LegNoAnswer:
                OnLegRingTimeout(call.Parent!, call);
                break;
            case CallTimer.RingDelay:
                OnRingDelay(call, kind >> TimerKindBits);
                break;
        }
    }
}
