using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Customer.Subscriptions;

/// <summary><c>/api/v1/me/subscriptions</c>: the subscriptions in force and pending, as the Subscriptions page lists them.</summary>
internal static class SubscriptionsApi
{
    public static void Map(RouteGroupBuilder me) =>
        me.MapGet("/subscriptions", (SubscriptionQueries subscriptions) => Results.Ok(subscriptions.Current().Select(s => new
        {
            id = s.Id, line = s.Line, plan = s.Plan, monthly_fee_mills = s.MonthlyFee.Value, start = Display.Show.IsoDate(s.Start),
            end = s.End is { } e ? Display.Show.IsoDate(e) : null, did = s.Did, pending = s.Pending,
        }))).WithName("ListSubscriptions").WithSummary("The subscriptions of the customer's lines, active then pending");
}
