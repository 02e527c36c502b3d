using System.Net;
using Centrex.Switch.Clock;
using Centrex.Switch.Registration;
using NodaTime;

namespace Centrex.Switch.Partitions;

/// <summary>
/// A token bucket per source address (IPv4, or IPv6 /64: <see cref="SourceKey"/>), owned by the router's thread. Tokens
/// are kept in 60,000ths so refilling by elapsed milliseconds at a rate per minute stays exact in integers. Sources are
/// kept in order of their last request, so the table is bounded and the longest idle goes first.
/// </summary>
internal sealed class SourceRateLimiter(long perMinute, int burst, int authenticatedFactor, int maxTrackedSources, ISwitchClock clock)
{
    private const long Milli = 60_000; // one token: a rate per minute times elapsed milliseconds counts in these

    public SourceRateLimiter(SourceRateLimits limits, ISwitchClock clock)
        : this(limits.PerSecond * 60L, limits.Burst, limits.AuthenticatedFactor, limits.MaxTrackedSources, clock)
    {
    }

    /// <summary>The emergency budget (<see cref="EmergencyRateLimits"/>): no larger allowance after authenticating.</summary>
    public SourceRateLimiter(EmergencyRateLimits limits, ISwitchClock clock)
        : this(limits.PerMinute, limits.Burst, 1, limits.MaxTrackedSources, clock)
    {
    }

    private readonly Dictionary<SourceKey, LinkedListNode<Bucket>> _sources = [];
    private readonly LinkedList<Bucket> _byLastSeen = new();

    /// <summary>Requests dropped so far.</summary>
    public long Limited { get; private set; }

    /// <summary>Sources tracked now.</summary>
    public int Count => _sources.Count;

    /// <summary>Whether one more request from <paramref name="address"/> may go on; false counts it as limited.</summary>
    public bool TryTake(IPAddress address)
    {
        var now = clock.Now;
        var key = SourceKey.Of(address);
        if (!_sources.TryGetValue(key, out var node))
        {
            if (_sources.Count >= maxTrackedSources && _byLastSeen.First is { } idlest)
            {
                _sources.Remove(idlest.Value.Key);
                _byLastSeen.Remove(idlest);
            }

            node = _byLastSeen.AddLast(new Bucket(key, burst * Milli, now));
            _sources[key] = node;
        }
        else
        {
            _byLastSeen.Remove(node);
            _byLastSeen.AddLast(node);
        }

        var bucket = node.Value;
        var factor = bucket.AuthenticatedUntil > now ? authenticatedFactor : 1;
        var elapsed = Math.Max(0, (long)(now - bucket.Refilled).TotalMilliseconds);
        bucket.Tokens = Math.Min(burst * factor * Milli, bucket.Tokens + (elapsed * perMinute * factor));
        bucket.Refilled = now;
        if (bucket.Tokens < Milli)
        {
            Limited++;
            return false;
        }

        bucket.Tokens -= Milli;
        return true;
    }

    /// <summary>A request from <paramref name="address"/> authenticated: the source gets the larger allowance for a while.</summary>
    public void Authenticated(IPAddress address)
    {
        if (_sources.TryGetValue(SourceKey.Of(address), out var node))
        {
            node.Value.AuthenticatedUntil = clock.Now + SourceRateLimits.AuthenticatedFor;
        }
    }

    private sealed class Bucket(SourceKey key, long tokens, Instant refilled)
    {
        public SourceKey Key { get; } = key;

        public long Tokens { get; set; } = tokens;

        public Instant Refilled { get; set; } = refilled;

        public Instant AuthenticatedUntil { get; set; }
    }
}
