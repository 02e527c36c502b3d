using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Customer.Calls;

/// <summary><c>GET /api/v1/me/calls</c> (a page, with the filters of the Call Logs page) and <c>/api/v1/me/calls.csv</c> (all matching, streamed).</summary>
internal static class CallsApi
{
    public static void Map(RouteGroupBuilder me)
    {
        me.MapGet("/calls", (HttpContext context, CallQueries calls, Security.CustomerScope scope) =>
        {
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            var filter = CallSearch.Read(context.Request.Query, scope, errors);
            if (errors.Count > 0)
            {
                var (field, message) = errors.First();
                return Results.Json(new Security.ApiError("invalid", message, field), statusCode: StatusCodes.Status400BadRequest);
            }

            var paging = CallQueries.Sorting.Read(context.Request.Query);
            return Results.Ok(new
            {
                total = calls.Count(filter),
                page = paging.Page,
                size = paging.Size,
                calls = calls.Page(filter, paging).Select(c => new
                {
                    c.Id, line = c.Account, start = c.Start.ToString(), from = c.Caller, to = c.Callee, c.Direction, c.Disposition, c.Seconds, c.BilledSeconds,
                    c.Destination, charge_mills = c.Charge?.Value, answered_by = c.AnsweredBy,
                }),
            });
        }).WithName("ListCalls").WithSummary("A page of the customer's calls: from, to (days in its zone), line, direction, disposition, number; page, size, sort (start, line, from, to, direction, disposition, duration, destination, charge), dir (asc, desc)");

        me.MapGet("/calls.csv", async (HttpContext context, CallQueries calls, Security.CustomerScope scope) =>
        {
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            var filter = CallSearch.Read(context.Request.Query, scope, errors);
            if (errors.Count > 0)
            {
                var (field, message) = errors.First();
                return Results.Json(new Security.ApiError("invalid", message, field), statusCode: StatusCodes.Status400BadRequest);
            }

            await CallCsv.Write(context, calls, filter, scope.Zone, $"calls-{scope.CustomerId}.csv");
            return Results.Empty;
        }).WithName("DownloadCalls").WithSummary("Every matching call as CSV, streamed");
    }
}
