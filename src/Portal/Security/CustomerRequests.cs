using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Security;

/// <summary>
/// Which customer a request acts for, when it is one of a customer's own pages or API routes (under
/// <c>/api/v1/me</c> or <c>/customer</c>) sent by a customer's session or key: the key the per-customer limits
/// (<see cref="ChangeThrottle"/>, <see cref="ReadThrottle"/>) count it under. Operators and API clients without a
/// customer are not counted here.
/// </summary>
public static class CustomerRequests
{
    /// <summary>The customer's id, or null when the request is not a customer's own.</summary>
    public static string? CustomerOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path;
        return context.User.FindFirst(PortalClaims.Customer)?.Value is { Length: > 0 } customer
            && (path.StartsWithSegments(PortalPaths.Api + "/me") || path.StartsWithSegments("/customer"))
            ? customer
            : null;
    }
}
