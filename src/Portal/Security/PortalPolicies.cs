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

    /// <summary>Adds the policies.</summary>
    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Customer, p => p.AddAuthenticationSchemes(SessionAuthentication.SchemeName)
            .RequireClaim(PortalClaims.Role, "customer").RequireClaim(PortalClaims.Customer));
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
