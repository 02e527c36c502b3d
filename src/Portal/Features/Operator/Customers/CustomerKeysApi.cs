using Centrex.Portal.Api;
using Centrex.Portal.Features.Customer.Profile;
using Centrex.Portal.Features.Operator.Api;
using Centrex.Portal.Security;
using Centrex.Provisioning.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Operator.Customers;

/// <summary>
/// <c>/api/v1/operator/customers/{id}/api-keys</c>: a customer's API keys as the operator sees them, through
/// <see cref="CustomerKeyDesk"/> (the customer's page does the same). Listing needs <c>logins:read</c> and revoking
/// <c>logins:write</c> (keys are credentials, as logins are); creating needs an operator's session, as a customer's own
/// key route does (<see cref="ApiKeysApi"/>): a key that could mint keys would outlive its own revocation, and
/// <c>centrex apikey create --customer ID</c> is the script's way on the server. An unknown customer is 404.
/// </summary>
internal static class CustomerKeysApi
{
    public static void Map(RouteGroupBuilder operatorGroup)
    {
        operatorGroup.MapGet("/customers/{id}/api-keys", (string id, CustomerKeyDesk desk) =>
            desk.Exists(id) ? Results.Ok(desk.List(id).Select(ApiKeysApi.Json)) : ApiRoutes.NotFound("customer"))
            .Scoped(ApiScope.LoginsRead).WithName("ListCustomerApiKeys").WithSummary("A customer's API keys (never their secrets): id, name, scopes, created, revoked");

        operatorGroup.MapPost("/customers/{id}/api-keys", (string id, ApiKeysApi.KeyRequest body, CustomerKeyDesk desk) =>
        {
            if (!desk.Exists(id))
            {
                return ApiRoutes.NotFound("customer");
            }

            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            var (key, text) = desk.Create(id, body.Name, body.Scopes, errors);
            return key is not null
                ? Results.Json(new { key = text, info = ApiKeysApi.Json(key) }, statusCode: StatusCodes.Status201Created)
                : errors.TryGetValue(CustomerKeys.LimitField, out var limit) ? ApiResults.TooManyKeys(limit, CustomerKeys.LimitField)
                : ApiResults.Invalid(errors);
        }).RequireAuthorization(p => p.RequireAuthenticatedUser().RequireClaim(PortalClaims.Role, "operator")).WithName("CreateCustomerApiKey")
            .WithSummary($"Makes a key bound to the customer (name: at most {ApiKeyStore.MaxName} characters; scopes: me:read and/or me:write), stored hashed; its text is in this answer only. "
                + $"409 when the customer holds {ApiKeyStore.MaxActivePerCustomer} working keys already. An operator session only");

        operatorGroup.MapDelete("/customers/{id}/api-keys/{key}", (string id, string key, CustomerKeyDesk desk) =>
            desk.Exists(id) && desk.Revoke(id, key) ? Results.NoContent() : ApiRoutes.NotFound("API key"))
            .Scoped(ApiScope.LoginsWrite).WithName("RevokeCustomerApiKey").WithSummary("Revokes one of the customer's keys: refused from its next request");
    }
}
