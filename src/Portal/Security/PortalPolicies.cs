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

    /// <summary>Adds the policies.</summary>
    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Customer, p => p.AddAuthenticationSchemes(SessionAuthentication.SchemeName)
            .RequireClaim(PortalClaims.Role, "customer").RequireClaim(PortalClaims.Customer));
        options.AddPolicy(Operator, p => p.AddAuthenticationSchemes(SessionAuthentication.SchemeName)
            .RequireClaim(PortalClaims.Role, "operator"));
    }
}
