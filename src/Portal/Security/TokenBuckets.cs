using System.Threading.RateLimiting;

namespace Centrex.Portal.Security;

/// <summary>
/// One token bucket per key (System.Threading.RateLimiting; idle partitions are dropped by the library): the shape of
/// every per-client bound in the portal (logins per source address, changes per customer). No queue: past the bucket a
/// request is refused at once, with the library's Retry-After.
/// </summary>
internal static class TokenBuckets
{
    /// <summary>A limiter giving each key <paramref name="burst"/> at once, then <paramref name="perSecond"/> a second.</summary>
    public static PartitionedRateLimiter<TKey> PerKey<TKey>(int burst, int perSecond)
        where TKey : notnull =>
        PartitionedRateLimiter.Create<TKey, TKey>(key =>
            RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
}
