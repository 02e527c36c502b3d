using System.Security.Claims;
using System.Text.Encodings.Web;
using Centrex.Ingestion;
using Centrex.Provisioning.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Centrex.Api;

/// <summary>
/// The <c>Bearer</c> API-key scheme of the HTTP API (issue 13, item 5): <c>Authorization: Bearer cxk_…</c> is checked
/// against <see cref="ApiKeyStore"/> on every request (so a revocation takes effect at the next one), and the key's
/// scopes become <see cref="ScopeClaim"/> claims that the endpoints' policies require. A missing or wrong key is
/// <c>401</c> with <c>WWW-Authenticate: Bearer</c> (RFC 6750 §3), a key without the endpoint's scope <c>403</c>. An
/// address that keeps presenting wrong keys gets <c>429</c> for its wrong keys for the rest of the minute (a good key
/// still works), so the key store is not a free oracle. The key's text is never logged or echoed.
/// </summary>
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys, ApiKeyFailureLimiter failures)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The claim type a key's scopes are carried in.</summary>
    public const string ScopeClaim = ApiScope.ClaimType;

    private const string BearerPrefix = "Bearer ";
    private const string ThrottledItem = "centrex.api-key-throttled";
    private const string GivenItem = "centrex.api-key-given";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        // A good key is always let in: the throttle below only slows an address that keeps presenting wrong ones, so no
        // process sharing a client's address can lock that client out by failing on purpose.
        Context.Items[GivenItem] = true;
        var key = header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? keys.Verify(header[BearerPrefix.Length..].Trim()) : null;
        if (key is null)
        {
            var remote = Context.Connection.RemoteIpAddress;
            if (failures.IsThrottled(remote))
            {
                Context.Items[ThrottledItem] = true;
                return Task.FromResult(AuthenticateResult.Fail("too many failed authentications from this address"));
            }

            failures.Record(remote);
            return Task.FromResult(AuthenticateResult.Fail("unknown or revoked API key"));
        }

        // A customer's key carries its customer as the session of a customer login does: CustomerScope reads it from
        // there, so every /api/v1/me lookup is scoped by the key's customer, taken from the store, never from the request.
        List<Claim> claims = [new Claim(ClaimTypes.NameIdentifier, key.Id), .. key.Scopes.Select(s => new Claim(ScopeClaim, s))];
        if (key.CustomerId is { } customer)
        {
            claims.Add(new Claim(Centrex.Portal.Security.PortalClaims.Customer, customer));
            claims.Add(new Claim(Centrex.Portal.Security.PortalClaims.Login, "key " + key.Id));
        }

        var identity = new ClaimsIdentity(claims, SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items.ContainsKey(ThrottledItem))
        {
            Response.Headers.RetryAfter = ApiKeyFailureLimiter.WindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return IngestionEndpoint.Respond(Context, StatusCodes.Status429TooManyRequests, json => BatchResponse.WriteError(json, "too-many-failures",
                "too many requests with a wrong API key from this address; try again later"));
        }

        // RFC 6750 §3.1: invalid_token when a credential was given; none when the request carried no credential.
        var given = Context.Items.ContainsKey(GivenItem);
        Response.Headers.WWWAuthenticate = given ? "Bearer realm=\"centrex\", error=\"invalid_token\"" : "Bearer realm=\"centrex\"";
        return IngestionEndpoint.Respond(Context, StatusCodes.Status401Unauthorized, json => BatchResponse.WriteError(json, "unauthorized",
            given ? "the API key is unknown or revoked" : "send an API key as 'Authorization: Bearer KEY' (centrex apikey create)"));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        IngestionEndpoint.Respond(Context, StatusCodes.Status403Forbidden, json => BatchResponse.WriteError(json, "forbidden",
            "this API key lacks the scope this endpoint needs (centrex apikey list shows each key's scopes)"));
}
