using Centrex.Portal.Api;
using Centrex.Provisioning.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Customer.Profile;

/// <summary>
/// <c>/api/v1/me/api-keys</c>: the customer's API keys. Creating and revoking need the customer's login (a session): a
/// key that could mint keys would outlive its own revocation. Another customer's key id is 404.
/// </summary>
internal static class ApiKeysApi
{
    /// <summary>A new key: a label and its scopes (<c>me:read</c>, <c>me:write</c>).</summary>
    public sealed record KeyRequest(string? Name, string[]? Scopes);

    public static void Map(RouteGroupBuilder me)
    {
        me.MapGet("/api-keys", (CustomerKeys keys) => Results.Ok(keys.List().Select(Json)))
            .WithName("ListApiKeys").WithSummary("The customer's API keys (never their secrets): id, name, scopes, created, revoked");

        me.MapPost("/api-keys", (KeyRequest body, CustomerKeys keys, ProfileChanges profile) =>
        {
            if (profile.Login is null)
            {
                return ApiResults.LoginOnly("making an API key");
            }

            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            var (key, text) = keys.Create(body.Name, body.Scopes, errors);
            return key is not null ? Results.Json(new { key = text, info = Json(key) }, statusCode: StatusCodes.Status201Created)
                : errors.TryGetValue(CustomerKeys.LimitField, out var limit) ? ApiResults.TooManyKeys(limit, CustomerKeys.LimitField)
                : ApiResults.Invalid(errors);
        }).WithName("CreateApiKey").WithSummary($"Makes a key for this customer (name: at most {CustomerKeys.MaxName} characters; scopes: me:read and/or me:write); its text is in this answer only. "
            + $"409 when the customer holds {Centrex.Provisioning.Access.ApiKeyStore.MaxActivePerCustomer} working keys already. A session only");

        me.MapDelete("/api-keys/{id}", (string id, CustomerKeys keys, ProfileChanges profile) =>
        {
            if (profile.Login is null)
            {
                return ApiResults.LoginOnly("revoking an API key");
            }

            return keys.Revoke(id) ? Results.NoContent() : ApiRoutes.NotFound("API key");
        }).WithName("RevokeApiKey").WithSummary("Revokes one of the customer's keys: refused from its next request. A session only");
    }

    internal static object Json(ApiKey k) => new { k.Id, k.Name, k.Scopes, created = k.Created.ToString(), revoked = k.Revoked?.ToString() };
}
