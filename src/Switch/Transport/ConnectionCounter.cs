using System.Net;

namespace Centrex.Switch.Transport;

/// <summary>
/// Accepted TCP connections in total and per remote IP address, against <see cref="TcpLimits"/>. Entries leave with
/// their last connection, so a scan from many addresses leaves nothing behind.
/// </summary>
internal sealed class ConnectionCounter(TcpLimits limits)
{
    private readonly Dictionary<IPAddress, int> _byAddress = [];
    private readonly object _gate = new();
    private int _total;

    /// <summary>Open connections counted now.</summary>
    public int Total => Volatile.Read(ref _total);

    /// <summary>Counts a new connection from <paramref name="address"/>; false (nothing counted) when a limit is reached.</summary>
    public bool TryAdd(IPAddress address)
    {
        lock (_gate)
        {
            _byAddress.TryGetValue(address, out var count);
            if (_total >= limits.MaxConnections || count >= limits.MaxPerAddress)
            {
                return false;
            }

            _byAddress[address] = count + 1;
            _total++;
            return true;
        }
    }

    /// <summary>Forgets one connection from <paramref name="address"/>.</summary>
    public void Remove(IPAddress address)
    {
        lock (_gate)
        {
            if (!_byAddress.TryGetValue(address, out var count))
            {
                return;
            }

            if (count <= 1)
            {
                _byAddress.Remove(address);
            }
            else
            {
                _byAddress[address] = count - 1;
            }

            _total--;
        }
    }
}
