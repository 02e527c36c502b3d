using Centrex.Switch.Clock;

namespace Centrex.Switch.Calls;

/// <summary>
/// A call in a park slot (seed 004, Call Parking): the customer and slot it is in, who parked it, and which side of
/// the call the parker was on (that side's leg was released; the other side is the parked party, still in its leg).
/// </summary>
internal sealed class ParkedCall(string customerId, string slot, string parkerAccount, bool parkerWasCaller) : ITimerTarget
{
    public string CustomerId { get; } = customerId;

    public string Slot { get; } = slot;

    public string ParkerAccount { get; } = parkerAccount;

    public bool ParkerWasCaller { get; } = parkerWasCaller;

    /// <summary>The call in the slot (set when it is put there).</summary>
    public Call? Call { get; set; }

    /// <summary>
    /// Rings the parker back when the call is not taken in time (<see cref="SwitchOptions.ParkTimeout"/>): a slot of the
    /// partition's wheel with this as its target, as a call's own timers are (B2bua.Timers.cs), no closure.
    /// </summary>
    public TimerHandle Timer { get; set; }

    /// <summary>Whom the timer tells: the partition's B2BUA.</summary>
    public ICallTimers? Timers { get; set; }

    public void OnTimer(int kind) => Timers?.OnParkTimeout(this);
}
