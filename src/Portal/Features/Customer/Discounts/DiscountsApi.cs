using System.Globalization;
using Centrex.Provisioning.Json;
using Centrex.Rating.Discounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Customer.Discounts;

/// <summary><c>/api/v1/me/discounts</c>: the Volume Discounts page's data: each plan of the customer's lines, used and remaining per line this month, and the earlier months.</summary>
internal static class DiscountsApi
{
    public static void Map(RouteGroupBuilder me) =>
        me.MapGet("/discounts", async (DiscountQueries discounts) =>
        {
            var r = await discounts.Current();
            return Results.Ok(new
            {
                period = Month(r.Period),
                counting = r.Counting,
                plans = r.Plans.Select(p => new
                {
                    id = p.Plan.Id, name = p.Plan.Name, destination_group = p.Plan.Group.Name,
                    basis = WireNames.Name(WireNames.DiscountBases, p.Plan.Basis), unit = p.Plan.Basis == DiscountBasis.Minutes ? "seconds" : "mills",
                    lines = p.Lines.Select(l => new { line = l.Line, used = l.Used, remaining = l.Remaining, next_threshold = l.NextThreshold, basis_points = l.BasisPoints }),
                    history = p.History.Select(h => new { period = Month(h.Period), line = h.Line, used = h.Used, basis_points = h.BasisPoints }),
                }),
            });
        }).WithName("ListVolumeDiscounts").WithSummary("The customer's volume discount plans: used and remaining per line this month (seconds or mills), and earlier months");

    private static string Month(NodaTime.YearMonth period) => period.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
