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
        if (!bySession && user.FindFirstValue(PortalClaims.Customer) is { } customer)
        {
            // A key whose customer is no longer provisioned is refused saying so, as its logins are (not as "suspended").
            switch (data.Provisioning.Current.Customer(customer))
            {
                case null:
                    return Results.Json(new ApiError(SessionAuthentication.CustomerRemovedReason, LoginService.CustomerRemovedMessage), statusCode: StatusCodes.Status403Forbidden);
                case { Status: Provisioning.Model.ServiceStatus.Suspended }:
                    return Results.Json(new ApiError("suspended", LoginService.SuspendedMessage), statusCode: StatusCodes.Status403Forbidden);
            }
        }

        return await next(context);
    }
}
