using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Centrex.Portal.Security;

/// <summary>
/// Anti-forgery for the API when a browser session is its credential: a request that changes something (anything but
/// GET, HEAD, OPTIONS) must carry the token in <c>X-CSRF-Token</c> (from <c>GET /api/v1/session/csrf</c>) matching the
/// anti-forgery cookie; a page's form carries it as a field. A request with an API key needs none: a key is never
/// sent by a browser on its own, so another site cannot make one ride along. What counts is the credential the route
/// was authorized with, not the mere presence of an <c>Authorization</c> header: the customer routes authorize with
/// the session cookie whatever else the request carries, so a session request with any <c>Authorization</c> header
/// (a made-up one) needs the token too.
/// <para>
/// A middleware on the routes marked <see cref="Required"/>, after authorization and before the route's handler: the
/// check comes before the body is read and bound, so a forged request is refused as such (400 <c>csrf</c>) whatever
/// its body, and an upload is not read at all (an endpoint filter would run only after binding).
/// </para>
/// </summary>
public static class CsrfCheck
{
    /// <summary>The metadata that marks a route (or a group) as needing the token with a session.</summary>
    public static readonly object Required = new Marker();

    /// <summary>Adds the check; call after <c>UseAuthorization</c>.</summary>
    public static void Use(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (http, next) =>
        {
            if (http.GetEndpoint()?.Metadata.GetMetadata<Marker>() is not null && await Refuses(http))
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                await http.Response.WriteAsJsonAsync(new ApiError("csrf", $"missing or wrong anti-forgery token: send the token of GET {PortalPaths.Api}/session/csrf in {PortalHost.CsrfHeader}"));
                return;
            }

            await next(http);
        });
    }

    private static async Task<bool> Refuses(HttpContext http)
    {
        var bySession = http.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == SessionAuthentication.SchemeName);
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method)
            || (!bySession && http.Request.Headers.Authorization.Count > 0))
        {
            return false;
        }

        try
        {
            await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            return false;
        }
        catch (AntiforgeryValidationException)
        {
            return true;
        }
    }

    private sealed class Marker;
}
