using System.Net;
using System.Threading.RateLimiting;

namespace Centrex.Api;

/// <summary>
/// Counts wrong API keys per client address in fixed one-minute windows: past <see cref="FailuresPerWindow"/> the
/// address is throttled (answered 429) until its window ends. Built on System.Threading.RateLimiting's partitioned
/// limiter, which also forgets idle addresses, so a scan from many addresses cannot grow it without bound.
/// </summary>
internal sealed class ApiKeyFailureLimiter : IDisposable
{
    /// <summary>Length of a window.</summary>
    public const int WindowSeconds = 60;

    /// <summary>Wrong keys an address may present in one window.</summary>
    public const int FailuresPerWindow = 20;

    private readonly PartitionedRateLimiter<IPAddress> _limiter = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = FailuresPerWindow,
            Window = TimeSpan.FromSeconds(WindowSeconds),
            QueueLimit = 0,
        }));

    /// <summary>Whether <paramref name="address"/> used up its wrong keys for this window.</summary>
    public bool IsThrottled(IPAddress? address) =>
        address is not null && _limiter.GetStatistics(address)?.CurrentAvailablePermits == 0;

    /// <summary>Counts one wrong key from <paramref name="address"/>.</summary>
    public void Record(IPAddress? address)
    {
        if (address is not null)
        {
            using var lease = _limiter.AttemptAcquire(address);
        }
    }

    public void Dispose() => _limiter.Dispose();
}
