using System.Security.Claims;
using System.Text.Encodings.Web;
using Centrex.Provisioning.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Centrex.Portal.Security;

/// <summary>
/// The portal's cookie sessions. The cookie carries a random 256-bit token and nothing else; the access store keeps its
/// hash, the login and the expiry, and is read on every request, so a logout, a password reset by the operator or an
/// expiry takes effect at once, and the role and customer always come from the store, never from the client. A page
/// asked for without a session is redirected to the login page; an API route gets <c>401</c>.
/// </summary>
public sealed class SessionAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, UserStore users, IClock clock, LoginService logins)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "PortalSession";

    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "centrex_session";

    /// <summary>How long a session lasts from login (a working day).</summary>
    public static readonly Duration Lifetime = Duration.FromHours(8);

    /// <summary>The session's token, for logout.</summary>
    public const string TokenItem = "centrex.session-token";

    /// <summary>Why the request's session was ended as it came in (the message the login page and the 401 give).</summary>
    public const string EndedItem = "centrex.session-ended";

    /// <summary>The login page's query value that shows <see cref="LoginService.CustomerRemovedMessage"/>.</summary>
    public const string CustomerRemovedReason = "customer-removed";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Cookies.TryGetValue(CookieName, out var token) || token.Length is 0 or > 64)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var user = users.FindSession(token, clock.GetCurrentInstant());
        if (user is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("the session is unknown, ended or expired"));
        }

        if (logins.IsCustomerRemoved(user))
        {
            // The customer's record is gone (removed at the store while the session was open): the session ends here, for
            // good, and the request is answered as one without a session (the login page, saying why; 401 on the API),
            // never a page that has no customer to scope it (review: every customer page was a 500).
            users.EndSession(token);
            DeleteCookie(Context);
            Context.Items[EndedItem] = LoginService.CustomerRemovedMessage;
            return Task.FromResult(AuthenticateResult.Fail("the customer of this login is no longer provisioned"));
        }

        if (logins.IsSuspended(user))
        {
            // Issue 16: a suspension ends the customer's sessions at their next request, as it refuses new logins.
            return Task.FromResult(AuthenticateResult.Fail("the customer is suspended"));
        }

        Context.Items[TokenItem] = token;
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(Principal(user), SchemeName)));
    }

    /// <summary>The claims of a login.</summary>
    public static ClaimsPrincipal Principal(PortalUser user)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(PortalClaims.UserId, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(PortalClaims.Login, user.Login),
            new(PortalClaims.Role, UserStore.RoleName(user.Role)),
            new(PortalClaims.Language, user.Language),
        ];
        if (user.CustomerId is { } customer)
        {
            claims.Add(new Claim(PortalClaims.Customer, customer));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, PortalClaims.Login, PortalClaims.Role));
    }

    /// <summary>Writes the session cookie: HttpOnly, SameSite=Strict, Secure when the request came over TLS.</summary>
    public static void WriteCookie(HttpContext context, string token, Instant expires) =>
        context.Response.Cookies.Append(CookieName, token, CookieOptions(context, expires.ToDateTimeOffset()));

    /// <summary>Removes the session cookie.</summary>
    public static void DeleteCookie(HttpContext context) => context.Response.Cookies.Delete(CookieName, CookieOptions(context, null));

    private static CookieOptions CookieOptions(HttpContext context, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        Secure = context.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        Expires = expires,
        IsEssential = true,
    };

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var ended = Context.Items[EndedItem] as string;
        if (PortalPaths.IsApi(Request.Path))
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            Response.Headers.WWWAuthenticate = "Bearer realm=\"centrex\"";
            return Response.WriteAsJsonAsync(ended is null
                ? new ApiError("unauthorized", "sign in (a session cookie from POST /api/v1/session) or send an API key as 'Authorization: Bearer KEY'")
                : new ApiError(CustomerRemovedReason, ended));
        }

        if (ended is not null)
        {
            // Not back to this page after a login: the login is refused too. The login page says why.
            Response.Redirect("/account/login?ended=" + CustomerRemovedReason);
            return Task.CompletedTask;
        }

        var back = Request.PathBase + Request.Path + Request.QueryString;
        Response.Redirect("/account/login?returnUrl=" + Uri.EscapeDataString(back));
        return Task.CompletedTask;
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        if (PortalPaths.IsApi(Request.Path))
        {
            return Response.WriteAsJsonAsync(new ApiError("forbidden", "this login may not use this resource"));
        }

        Response.ContentType = "text/plain; charset=utf-8";
        return Response.WriteAsync("403: this login may not open this page.");
    }
}
