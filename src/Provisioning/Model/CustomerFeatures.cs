namespace Centrex.Provisioning.Model;

/// <summary>
/// A customer's call-feature codes and options (seed 004, IP Centrex: General, Incoming Calls, Call Parking), part of
/// its dial plan. Defaults: <c>*77</c> group pickup (seed 004's own example), <c>70</c> park and <c>71</c> release
/// (seed 004: digits only; 70 is the parking lot carriers' PBXs ship with), <c>*80</c> paging/intercom (the usual
/// intercom code), and a distinctive ring for extension-to-extension calls on.
/// </summary>
/// <param name="PickupPrefix">Group pickup prefix (<c>*77</c>, <c>*77NN</c> for group NN).</param>
/// <param name="ParkPrefix">Park prefix: a call transferred to it (optionally followed by a slot) is parked.</param>
/// <param name="ReleasePrefix">Release prefix: dialed with a slot, it takes the call parked there.</param>
/// <param name="PagingPrefix">Paging/intercom prefix: dialed before an extension, that phone answers at once on its speaker.</param>
/// <param name="ExtensionDistinctiveRing">Ext-to-Ext call distinctive ring: calls between the customer's phones ring differently.</param>
public sealed record CustomerFeatures(string PickupPrefix, string ParkPrefix, string ReleasePrefix, string PagingPrefix, bool ExtensionDistinctiveRing)
{
    /// <summary>What a customer has unless provisioned otherwise.</summary>
    public static CustomerFeatures Default { get; } = new("*77", "70", "71", "*80", true);
}
