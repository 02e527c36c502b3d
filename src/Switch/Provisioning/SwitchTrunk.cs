using System.Net;

namespace Centrex.Switch.Provisioning;

/// <summary>
/// A SIP gateway: where outbound calls go (<see cref="Address"/>) and the source addresses its inbound calls are
/// accepted from without digest authentication (an address alone matches any port).
/// </summary>
public sealed record SwitchTrunk(string Id, IPEndPoint Address, IReadOnlyList<IPEndPoint> Sources)
{
    /// <summary>Whether a message from <paramref name="remote"/> comes from this trunk.</summary>
    public bool IsSource(IPEndPoint remote)
    {
        // By index: foreach over the IReadOnlyList would box an enumerator, and the router asks this for every request.
        for (var i = 0; i < Sources.Count; i++)
        {
            var source = Sources[i];
            if (source.Address.Equals(remote.Address) && (source.Port == 0 || source.Port == remote.Port))
            {
                return true;
            }
        }

        return false;
    }
}
