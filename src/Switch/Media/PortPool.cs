using System.Net;

namespace Centrex.Switch.Media;

/// <summary>
/// The relay's port range, handed out as even/odd pairs, round-robin so a port just freed is the last to be reused
/// (a late packet of an ended call does not land in a new one). A pair some other process holds is skipped.
/// </summary>
internal sealed class PortPool
{
    private readonly IPAddress _address;
    private readonly int _first;
    private readonly bool[] _inUse;
    private readonly Lock _gate = new();
    private int _cursor;

    public PortPool(IPAddress address, int min, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(min, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(max, 65535);
        _address = address;
        _first = min + (min & 1);
        _inUse = new bool[Math.Max(0, (max - _first + 1) / 2)];
    }

    /// <summary>Pairs in the range.</summary>
    public int Capacity => _inUse.Length;

    public PortPair? TryAllocate()
    {
        lock (_gate)
        {
            for (var i = 0; i < _inUse.Length; i++)
            {
                var index = (_cursor + i) % _inUse.Length;
                if (_inUse[index])
                {
                    continue;
                }

                var pair = PortPair.TryBind(_address, _first + (2 * index));
                if (pair is not null)
                {
                    _inUse[index] = true;
                    _cursor = index + 1;
                    return pair;
                }
            }

            return null;
        }
    }

    public void Release(PortPair pair)
    {
        pair.Dispose();
        lock (_gate)
        {
            _inUse[(pair.Port - _first) / 2] = false;
        }
    }
}
