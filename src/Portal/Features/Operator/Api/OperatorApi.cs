using System.Security.Claims;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Operator.Api;

/// <summary>
/// <c>/api/v1/operator</c> (issue 16: "whatever the operator pages do must be scriptable"): customers and accounts,
/// tariffs, billing runs, payments, the ledger's health, the switch's state, the portal's logins and trouble tickets. Each route is open to an operator
/// session, or to an API key with the route's operator scope (<see cref="PortalPolicies.OperatorOr"/>); the pages do the
/// same through the same editor and service classes.
/// </summary>
internal static class OperatorApi
{
    public static void Map(RouteGroupBuilder operatorGroup)
    {
        Customers.CustomersApi.Map(operatorGroup);
        Customers.CustomerKeysApi.Map(operatorGroup);
        Accounts.AccountsApi.Map(operatorGroup);
        Tariffs.TariffsApi.Map(operatorGroup);
        Billing.BillingApi.Map(operatorGroup);
        Payments.PaymentsApi.Map(operatorGroup);
        Ledger.LedgerApi.Map(operatorGroup);
        Switch.SwitchApi.Map(operatorGroup);
        ProvisioningApi.Map(operatorGroup);
        Products.DiscountPlansApi.Map(operatorGroup);
        Logins.LoginsApi.Map(operatorGroup);
        Tickets.TicketsApi.Map(operatorGroup);
    }

    /// <summary>Who made a change, as provisioning messages name it: the operator's login, or the API key's id.</summary>
    public static string Actor(HttpContext context) =>
        context.User.FindFirstValue(PortalClaims.Login) is { } login ? $"portal ({login})" : $"api key {context.User.FindFirstValue(ClaimTypes.NameIdentifier)}";

    /// <summary>Requires an operator session or a key with <paramref name="scope"/>.</summary>
    public static TBuilder Scoped<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(PortalPolicies.OperatorOr(scope));
}
