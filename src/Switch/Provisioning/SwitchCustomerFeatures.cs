namespace Centrex.Switch.Provisioning;

/// <summary>
/// A customer's feature prefixes and options as the switch uses them (seed 004: General, Incoming Calls, Call Parking;
/// provisioned as <c>Centrex.Provisioning.Model.CustomerFeatures</c>, same defaults).
/// </summary>
/// <param name="PickupPrefix">Group pickup (<c>*77</c>).</param>
/// <param name="ParkPrefix">Transfer a call to it (optionally with a slot) to park it (<c>70</c>).</param>
/// <param name="ReleasePrefix">Dial it with a slot to take the call parked there (<c>71</c>).</param>
/// <param name="PagingPrefix">Dial it before an extension to page/intercom that phone (<c>*80</c>).</param>
/// <param name="ExtensionDistinctiveRing">Calls between the customer's own phones carry the internal ring (RFC 7462).</param>
public sealed record SwitchCustomerFeatures(string PickupPrefix, string ParkPrefix, string ReleasePrefix, string PagingPrefix, bool ExtensionDistinctiveRing)
{
    /// <summary>The defaults (seed 004's *77 example; 70/71 park and release; *80 paging; distinctive ring on).</summary>
    public static SwitchCustomerFeatures Default { get; } = new("*77", "70", "71", "*80", true);
}
