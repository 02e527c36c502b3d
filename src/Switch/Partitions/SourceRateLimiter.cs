using System.Net;
using Centrex.Switch.Clock;
using Centrex.Switch.Registration;
using NodaTime;

namespace Centrex.Switch.Partitions;

/// <summary>
/// A token bucket per source address (IPv4, or IPv6 /64: <see cref="SourceKey"/>), owned by the router's thread. Tokens
/// are kept in thousandths so refilling by elapsed milliseconds stays exact in integers. Sources are kept in order of
/// their last request, so the table is bounded and the longest idle goes first.
/// </summary>
internal sealed class SourceRateLimiter(SourceRateLimits limits, ISwitchClock clock)
{
    private const long Milli = 1_000;

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
            if (_sources.Count >= limits.MaxTrackedSources && _byLastSeen.First is { } idlest)
            {
                _sources.Remove(idlest.Value.Key);
                _byLastSeen.Remove(idlest);
            }

            node = _byLastSeen.AddLast(new Bucket(key, (long)limits.Burst * Milli, now));
            _sources[key] = node;
        }
        else
        {
            _byLastSeen.Remove(node);
            _byLastSeen.AddLast(node);
        }

        var bucket = node.Value;
        var factor = bucket.AuthenticatedUntil > now ? limits.AuthenticatedFactor : 1;
        var elapsed = Math.Max(0, (long)(now - bucket.Refilled).TotalMilliseconds);
        bucket.Tokens = Math.Min((long)limits.Burst * factor * Milli, bucket.Tokens + (elapsed * limits.PerSecond * factor));
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
