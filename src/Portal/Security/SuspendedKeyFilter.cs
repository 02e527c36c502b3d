using System.Security.Claims;
using Centrex.Portal.Data;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Security;

/// <summary>
/// A suspended customer's API keys are refused as its logins are (issue 16: a suspension refuses logins and ends
/// sessions; a key must not stay a way in). The session scheme refuses a suspended customer's sessions itself; a key is
/// checked here, on each request, against provisioning as of now, so a resume lets it in again.
/// </summary>
public sealed class SuspendedKeyFilter(PortalData data) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var user = context.HttpContext.User;
        var bySession = user.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == SessionAuthentication.SchemeName);
        if (!bySession && user.FindFirstValue(PortalClaims.Customer) is { } customer
            && data.Provisioning.Current.Customer(customer) is not { Status: not Provisioning.Model.ServiceStatus.Suspended })
        {
            return Results.Json(new ApiError("suspended", LoginService.SuspendedMessage), statusCode: StatusCodes.Status403Forbidden);
        }

        return await next(context);
    }
}
