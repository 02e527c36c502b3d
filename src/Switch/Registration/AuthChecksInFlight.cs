using System.Net;
using Centrex.Switch.Clock;
using NodaTime;

namespace Centrex.Switch.Registration;

/// <summary>
/// Checks of credentials in flight per source address (<see cref="SipAuthLimits.MaxChecksInFlight"/>), owned by the
/// router's thread: a check begins when the router sends a request with credentials to its partition and ends when the
/// partition's result comes back through the receive ring. Each source keeps the begin instants of its checks, so one
/// whose result was lost stops counting after <see cref="SipAuthLimits.CheckTimeout"/>. Bounded: at most
/// <see cref="SipAuthLimits.MaxTrackedSources"/> are kept. A source with nothing in flight keeps its (empty) queue, so a
/// phone whose checks come one at a time allocates nothing per request (the routing benchmark saw 128 B per INVITE when
/// the queue was dropped at every end); sources with nothing in flight are swept out when the table is full, at most
/// once per <see cref="SipAuthLimits.CheckTimeout"/>, so a flood of new addresses cannot make every request a sweep.
/// </summary>
internal sealed class AuthChecksInFlight(SipAuthLimits limits, ISwitchClock clock)
{
    private readonly Dictionary<SourceKey, Queue<Instant>> _sources = [];
    private Instant _lastSweep = Instant.MinValue;

    /// <summary>Sources with checks in flight.</summary>
    public int Count => _sources.Values.Count(begun => begun.Count > 0);

    /// <summary>
    /// Begins a check for <paramref name="address"/>; false (nothing begun) when it has as many in flight as allowed:
    /// <see cref="SipAuthLimits.MaxProvenChecksInFlight"/> for <paramref name="proven"/> credentials, else
    /// <see cref="SipAuthLimits.MaxChecksInFlight"/> (both count the same checks: guesses from a busy PBX's address
    /// still get only the small bound).
    /// </summary>
    public bool TryBegin(IPAddress address, bool proven = false)
    {
        var now = clock.Now;
        var key = SourceKey.Of(address);
        if (!_sources.TryGetValue(key, out var begun))
        {
            if (_sources.Count >= limits.MaxTrackedSources && !Sweep(now))
            {
                return false; // under attack from that many addresses: no check begins until some end
            }

            begun = new Queue<Instant>(4);
            _sources[key] = begun;
        }

        while (begun.TryPeek(out var oldest) && oldest + limits.CheckTimeout <= now)
        {
            begun.Dequeue(); // its result was lost
        }

        if (begun.Count >= (proven ? limits.MaxProvenChecksInFlight : limits.MaxChecksInFlight))
        {
            return false;
        }

        begun.Enqueue(now);
        return true;
    }

    /// <summary>A check for <paramref name="address"/> came back (success or failure).</summary>
    public void End(IPAddress address)
    {
        var key = SourceKey.Of(address);
        if (_sources.TryGetValue(key, out var begun))
        {
            begun.TryDequeue(out _);
        }
    }

    /// <summary>Forgets sources with nothing in flight (their lost checks expired); whether that made room.</summary>
    private bool Sweep(Instant now)
    {
        if (now - _lastSweep < limits.CheckTimeout)
        {
            return false;
        }

        _lastSweep = now;
        foreach (var (key, begun) in _sources)
        {
            while (begun.TryPeek(out var oldest) && oldest + limits.CheckTimeout <= now)
            {
                begun.Dequeue();
            }

            if (begun.Count == 0)
            {
                _sources.Remove(key);
            }
        }

        return _sources.Count < limits.MaxTrackedSources;
    }
}
