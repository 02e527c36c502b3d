using Centrex.Provisioning.Access;
using Microsoft.AspNetCore.Authorization;

namespace Centrex.Portal.Security;

/// <summary>
/// The authorization policies of the portal, applied to whole folders of pages and groups of API routes (never checked
/// by hand inside a page): a customer's pages need a customer session, the operator's an operator session.
/// </summary>
public static class PortalPolicies
{
    /// <summary>A signed-in customer login.</summary>
    public const string Customer = "portal-customer";

    /// <summary>A signed-in operator login.</summary>
    public const string Operator = "portal-operator";

    /// <summary>
    /// The customer's API routes (<c>/api/v1/me</c>): a customer login's session, or an API key bound to a customer
    /// (issue 16: "session or key") carrying <see cref="ApiScope.MeRead"/> for a read (GET, HEAD) and
    /// <see cref="ApiScope.MeWrite"/> for a change. A read-only key on a change is 403; an operator's session or key
    /// (no customer) is 403; no credential is 401. The customer comes from the session's login or the key's record, so
    /// every lookup is scoped to it (<see cref="CustomerScope"/>).
    /// </summary>
    public const string CustomerApi = "portal-customer-api";

    /// <summary>
    /// The policy of an operator API route (issue 16: "Scope API keys (operator scopes) and role checks"): an operator
    /// session, or an API key carrying <paramref name="scope"/> (one of <see cref="ApiScope"/>'s operator scopes). A
    /// customer's session, or a key without the scope, is 403; no credential at all is 401.
    /// </summary>
    public static string OperatorOr(string scope) => "portal-operator-or:" + scope;

    /// <summary>The scopes an API key may carry to act as the operator on one resource.</summary>
    public static IReadOnlyList<string> OperatorScopes { get; } =
    [
        ApiScope.CustomersRead, ApiScope.CustomersWrite, ApiScope.TariffsRead, ApiScope.TariffsWrite, ApiScope.BillingRead, ApiScope.BillingWrite,
        ApiScope.PaymentsWrite, ApiScope.LedgerRead, ApiScope.SwitchRead, ApiScope.ProvisioningRead, ApiScope.ProvisioningWrite,
        ApiScope.LoginsRead, ApiScope.LoginsWrite, ApiScope.TicketsRead, ApiScope.TicketsWrite,
    ];

    /// <summary>Whether a customer key's scopes allow <paramref name="method"/>: a read needs me:read (or me:write), a change me:write.</summary>
    public static bool KeyAllows(System.Security.Claims.ClaimsPrincipal user, string method)
    {
        ArgumentNullException.ThrowIfNull(user);
        var read = Microsoft.AspNetCore.Http.HttpMethods.IsGet(method) || Microsoft.AspNetCore.Http.HttpMethods.IsHead(method);
        return user.HasClaim(ApiScope.ClaimType, ApiScope.MeWrite) || (read && user.HasClaim(ApiScope.ClaimType, ApiScope.MeRead));
    }

    /// <summary>Adds the policies.</summary>
    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Customer, p => p.AddAuthenticationSchemes(SessionAuthentication.SchemeName)
            .RequireClaim(PortalClaims.Role, "customer").RequireClaim(PortalClaims.Customer));
        // No scheme named: the default one picks the API key when the request carries an Authorization header, else the
        // session (a made-up header on a session request is then a 401, never a way around the anti-forgery token).
        options.AddPolicy(CustomerApi, p => p.RequireAuthenticatedUser().RequireClaim(PortalClaims.Customer).RequireAssertion(c =>
            c.User.HasClaim(PortalClaims.Role, "customer")
            || (c.Resource is Microsoft.AspNetCore.Http.HttpContext http && KeyAllows(c.User, http.Request.Method))));
        options.AddPolicy(Operator, p => p.AddAuthenticationSchemes(SessionAuthentication.SchemeName)
            .RequireClaim(PortalClaims.Role, "operator"));
        foreach (var scope in OperatorScopes)
        {
            // No scheme named: the default one picks the API key when the request carries one, else the session.
            options.AddPolicy(OperatorOr(scope), p => p.RequireAuthenticatedUser().RequireAssertion(c =>
                c.User.HasClaim(PortalClaims.Role, "operator") || c.User.HasClaim(ApiScope.ClaimType, scope)));
        }
    }
}
