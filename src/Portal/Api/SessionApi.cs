using Centrex.Portal.Features.Sessions;
using Centrex.Portal.Security;
using Centrex.Provisioning.Access;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;

namespace Centrex.Portal.Api;

/// <summary>
/// Sessions over the API, for scripts that act as a portal user: <c>POST /api/v1/session</c> logs in (the same checks
/// and lockout as the login page) and sets the session cookie, <c>GET /api/v1/session/csrf</c> gives the token
/// changes need, <c>DELETE /api/v1/session</c> logs out.
/// </summary>
internal static class SessionApi
{
    /// <summary>A login request.</summary>
    public sealed record LoginRequest(string? Login, string? Password);

    public static void Map(RouteGroupBuilder api)
    {
        // The body is read here rather than bound: a bound JSON body makes routing answer another content type itself,
        // with an endpoint of its own that the fallback policy answered 401 "sign in" (review 16, item 16).
        api.MapPost("/session", async (HttpContext context, LoginService logins, UserStore users, IClock clock) =>
        {
            if (!context.Request.HasJsonContentType())
            {
                return Results.Json(new ApiError("unsupported-media-type", "send the login as JSON (Content-Type: application/json) with login and password"),
                    statusCode: StatusCodes.Status415UnsupportedMediaType);
            }

            LoginRequest? body;
            try
            {
                body = await context.Request.ReadFromJsonAsync<LoginRequest>(context.RequestAborted);
            }
            catch (System.Text.Json.JsonException)
            {
                body = null;
            }

            if (body is null)
            {
                return Results.Json(new ApiError("invalid", "the body is not a JSON object with login and password"), statusCode: StatusCodes.Status400BadRequest);
            }

            var (outcome, user) = logins.Check(body.Login?.Trim(), body.Password, context.Connection.RemoteIpAddress);
            if (outcome == LoginService.Outcome.Throttled)
            {
                context.Response.Headers.RetryAfter = "1";
                return Results.Json(new ApiError("throttled", "too many login attempts from this address; wait a second and try again"),
                    statusCode: StatusCodes.Status429TooManyRequests);
            }

            if (outcome == LoginService.Outcome.Locked)
            {
                return Results.Json(new ApiError("locked", "this login is locked after too many wrong passwords; try later or ask the operator to reset the password"),
                    statusCode: StatusCodes.Status423Locked);
            }

            if (outcome == LoginService.Outcome.Suspended)
            {
                return Results.Json(new ApiError("suspended", LoginService.SuspendedMessage), statusCode: StatusCodes.Status403Forbidden);
            }

            if (outcome == LoginService.Outcome.CustomerRemoved)
            {
                return Results.Json(new ApiError(SessionAuthentication.CustomerRemovedReason, LoginService.CustomerRemovedMessage), statusCode: StatusCodes.Status403Forbidden);
            }

            if (outcome == LoginService.Outcome.Disabled)
            {
                return Results.Json(new ApiError("disabled", LoginService.DisabledMessage), statusCode: StatusCodes.Status403Forbidden);
            }

            if (user is null)
            {
                return Results.Json(new ApiError("wrong-credentials", "the login or the password is wrong"), statusCode: StatusCodes.Status401Unauthorized);
            }

            LoginModel.SignIn(context, users, clock, user);
            return Results.Ok(new { login = user.Login, role = UserStore.RoleName(user.Role), customer = user.CustomerId });
        }).AllowAnonymous().AddOpenApiOperationTransformer(async (operation, context, cancel) =>
            operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType>(StringComparer.Ordinal)
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(LoginRequest), null, cancel) },
                },
            });

        api.MapGet("/session/csrf", (HttpContext context, IAntiforgery antiforgery) =>
            Results.Ok(new { header = PortalHost.CsrfHeader, token = antiforgery.GetAndStoreTokens(context).RequestToken }))
            .RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { AuthenticationSchemes = SessionAuthentication.SchemeName });

        api.MapDelete("/session", (HttpContext context, UserStore users) =>
        {
            if (context.Items[SessionAuthentication.TokenItem] is string token)
            {
                users.EndSession(token);
            }

            SessionAuthentication.DeleteCookie(context);
            return Results.NoContent();
        }).RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { AuthenticationSchemes = SessionAuthentication.SchemeName })
            .WithMetadata(CsrfCheck.Required);
    }
}
