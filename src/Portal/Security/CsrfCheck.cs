using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Security;

/// <summary>
/// Anti-forgery for the API when a browser session is its credential: a request that changes something (anything but
/// GET, HEAD, OPTIONS) must carry the token in <c>X-CSRF-Token</c> (from <c>GET /api/v1/session/csrf</c>) matching the
/// anti-forgery cookie; a page's form carries it as a field. A request with an API key needs none: a key is never
/// sent by a browser on its own, so another site cannot make one ride along. What counts is the credential the route
/// was authorized with, not the mere presence of an <c>Authorization</c> header: the customer routes authorize with
/// the session cookie whatever else the request carries, so a session request with any <c>Authorization</c> header
/// (a made-up one) needs the token too.
/// </summary>
public sealed class CsrfFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var bySession = http.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == SessionAuthentication.SchemeName);
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !HttpMethods.IsOptions(http.Request.Method)
            && (bySession || http.Request.Headers.Authorization.Count == 0))
        {
            try
            {
                await antiforgery.ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return Results.Json(new ApiError("csrf", $"missing or wrong anti-forgery token: send the token of GET {PortalPaths.Api}/session/csrf in {PortalHost.CsrfHeader}"),
                    statusCode: StatusCodes.Status400BadRequest);
            }
        }

        return await next(context);
    }
}
