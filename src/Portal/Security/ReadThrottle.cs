using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Security;

/// <summary>
/// Per customer, a concurrency limit (System.Threading.RateLimiting) on the reads its sessions and keys make: GET and
/// HEAD under <c>/api/v1/me</c> and the customer's pages (<see cref="ChangeThrottle"/> bounds the rest). Past
/// <see cref="ReadLimits.Concurrent"/> reads in progress the answer is <c>429</c> with <c>Retry-After: 1</c> (RFC 9110
/// §10.2.3; a read frees its place when it ends, so no wait is known) and nothing is read; other customers are not
/// slowed. Runs after authentication, so only a signed-in customer spends its own places.
/// </summary>
public sealed class ReadThrottle(ReadLimits limits) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perCustomer = PartitionedRateLimiter.Create<string, string>(customer =>
        RateLimitPartition.GetConcurrencyLimiter(customer, _ => new ConcurrencyLimiterOptions { PermitLimit = limits.Concurrent, QueueLimit = 0 }));

    /// <summary>The middleware: a customer's read past its limit is answered 429 here.</summary>
    public async Task Handle(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || CustomerRequests.CustomerOf(context) is not { } customer)
        {
            await next(context);
            return;
        }

        using var lease = _perCustomer.AttemptAcquire(customer);
        if (lease.IsAcquired)
        {
            await next(context);
            return;
        }

        await TooManyRequests.Write(context, 1, $"too many reads at once: at most {limits.Concurrent} in progress for one customer; try again when one has finished");
    }

    public void Dispose() => _perCustomer.Dispose();
}
