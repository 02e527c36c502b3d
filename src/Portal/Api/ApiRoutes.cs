using Centrex.Portal.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Api;

/// <summary>
/// The REST API (<c>/api/v1</c>, JSON, snake_case): the session routes, the customer's own resources under
/// <c>/api/v1/me</c> (a customer session or a customer's API key; every lookup through <see cref="CustomerScope"/>), the operator's under
/// <c>/api/v1/operator</c>. The pages do what these routes do, through the same query and change classes.
/// </summary>
internal static class ApiRoutes
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup(PortalPaths.Api);
        SessionApi.Map(api);
        // A customer's session or a key bound to a customer (PortalPolicies.CustomerApi); a suspended customer's keys stop with its logins.
        var me = api.MapGroup("/me").RequireAuthorization(PortalPolicies.CustomerApi).WithMetadata(CsrfCheck.Required).AddEndpointFilter<SuspendedKeyFilter>();
        Features.Customer.Invoices.InvoicesApi.Map(me);
        Features.Customer.Reports.ReportsApi.Map(me);
        Features.Customer.Calls.CallsApi.Map(me);
        Features.Customer.Lines.LinesApi.Map(me);
        Features.Customer.Extensions.ExtensionsApi.Map(me);
        Features.Customer.Tickets.TicketsApi.Map(me);
        Features.Customer.DialPlan.DialPlanApi.Map(me);
        Features.Customer.Dids.DidsApi.Map(me);
        Features.Customer.Sites.SitesApi.Map(me);
        Features.Customer.Subscriptions.SubscriptionsApi.Map(me);
        Features.Customer.IncomingCalls.IncomingCallsApi.Map(me);
        Features.Customer.Identity.IdentityApi.Map(me);
        Features.Customer.Huntgroups.HuntGroupsApi.Map(me);
        Features.Customer.MusicOnHold.MusicOnHoldApi.Map(me);
        Features.Customer.Discounts.DiscountsApi.Map(me);
        Features.Customer.DashboardApi.Map(me);
        Features.Customer.Profile.ProfileApi.Map(me);
        Features.Customer.Profile.ApiKeysApi.Map(me);
        Features.Customer.Transactions.TransactionsApi.Map(me);
        Features.Customer.Payments.PaymentsApi.Map(me);
        Features.Customer.PaymentInfo.PaymentInfoApi.Map(me);
        // Each operator route names its own policy (an operator session or a key with the route's scope: OperatorApi.Scoped).
        var operatorGroup = api.MapGroup("/operator").WithMetadata(CsrfCheck.Required);
        // The group itself names no policy, so a route added without one would answer anybody: refuse to start instead.
        ((IEndpointConventionBuilder)operatorGroup).Finally(endpoint =>
        {
            if (!endpoint.Metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any())
            {
                throw new InvalidOperationException($"operator route {endpoint.DisplayName} has no authorization policy: add .Scoped(scope)");
            }
        });
        Features.Operator.Api.OperatorApi.Map(operatorGroup);
    }

    /// <summary>A 404 that says no more than that (another customer's id looks exactly like an unknown one).</summary>
    public static IResult NotFound(string what) => Results.Json(new ApiError("not-found", $"no such {what}"), statusCode: StatusCodes.Status404NotFound);
}
