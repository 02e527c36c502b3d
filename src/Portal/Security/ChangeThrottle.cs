using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Security;

/// <summary>
/// Per customer, a token bucket (System.Threading.RateLimiting) on the changes its sessions and keys send: every request
/// other than GET/HEAD to <c>/api/v1/me</c> and the customer's pages, refused or not (a refused change was validated
/// too). Past the <see cref="ChangeLimits"/> the answer is <c>429</c> with <c>Retry-After</c> (RFC 9110 §10.2.3) and
/// nothing is read or changed; other customers are not slowed. Runs after authentication and anti-forgery, so a forged
/// post spends none of the customer's changes.
/// </summary>
public sealed class ChangeThrottle(ChangeLimits limits) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perCustomer = TokenBuckets.PerKey<string>(limits.Burst, limits.PerSecond);

    /// <summary>The middleware: a customer's change past its limits is answered 429 here.</summary>
    public async Task Handle(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || CustomerRequests.CustomerOf(context) is not { } customer)
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

        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;
        await TooManyRequests.Write(context, wait, $"too many changes: at most {limits.Burst} at once, then {limits.PerSecond} a second for one customer; try again in {wait} s");
    }

    public void Dispose() => _perCustomer.Dispose();
}
