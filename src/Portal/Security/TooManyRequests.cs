using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Security;

/// <summary>
/// The answer of a per-customer bound (<see cref="ChangeThrottle"/>, <see cref="ReadThrottle"/>): <c>429</c> with
/// <c>Retry-After</c> (RFC 9110 §10.2.3) and the reason, as JSON <c>{"error":"rate-limited"}</c> under the API and as
/// text on the pages.
/// </summary>
internal static class TooManyRequests
{
    /// <summary>Writes the answer: retry after <paramref name="seconds"/>, because <paramref name="message"/>.</summary>
    public static async Task Write(HttpContext context, int seconds, string message)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (context.Request.Path.StartsWithSegments(PortalPaths.Api))
        {
            await context.Response.WriteAsJsonAsync(new ApiError("rate-limited", message));
        }
        else
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"Too many requests: {message}.\n");
        }
    }
}
