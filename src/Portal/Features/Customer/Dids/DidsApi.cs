using Centrex.Portal.Api;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Customer.Dids;

/// <summary><c>/api/v1/me/dids</c>: the customer's numbers (GET) and the line one rings (PUT); another customer's number or line is 404.</summary>
internal static class DidsApi
{
    /// <summary>The line a DID is to ring.</summary>
    public sealed record AssignRequest(string? Line);

    public static void Map(RouteGroupBuilder me)
    {
        me.MapGet("/dids", (DidChanges dids) => Results.Ok(dids.All().Select(d => new
        {
            number = "+" + d.Number, line = d.Line, monthly_fee_mills = d.MonthlyFee?.Value,
        }))).WithName("ListDids").WithSummary("The customer's DIDs and the line each rings");

        me.MapPut("/dids/{number}", (string number, AssignRequest body, DidChanges dids) => dids.Assign(number, body.Line ?? string.Empty) switch
        {
            null => ApiRoutes.NotFound("number or line"),
            { Done: true } => Results.NoContent(),
            var refused => Results.Json(new ApiError("invalid", refused.Message!, refused.Field ?? "line"), statusCode: StatusCodes.Status400BadRequest),
        }).WithName("AssignDid").WithSummary("Moves a DID to another of the customer's lines (validated like provision import)");
    }
}
