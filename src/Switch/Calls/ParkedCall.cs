using Centrex.Switch.Clock;

namespace Centrex.Switch.Calls;

/// <summary>
/// A call in a park slot (seed 004, Call Parking): the customer and slot it is in, who parked it, and which side of
/// the call the parker was on (that side's leg was released; the other side is the parked party, still in its leg).
/// </summary>
internal sealed class ParkedCall(string customerId, string slot, string parkerAccount, bool parkerWasCaller)
{
    public string CustomerId { get; } = customerId;

    public string Slot { get; } = slot;

    public string ParkerAccount { get; } = parkerAccount;

    public bool ParkerWasCaller { get; } = parkerWasCaller;

    /// <summary>Rings the parker back when the call is not taken in time (<see cref="SwitchOptions.ParkTimeout"/>).</summary>
    public ISwitchTimer? Timer { get; set; }
}
