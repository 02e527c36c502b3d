using Centrex.Portal.Security;
using Centrex.Provisioning.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Customer.IncomingCalls;

/// <summary>
/// <c>/api/v1/me/incoming-calls</c>: the customer's pickup, park, release and paging prefixes and the distinctive ring
/// (GET); all of them replaced (PUT, each omitted one kept), validated like <c>provision import</c> (400 naming the field).
/// </summary>
internal static class IncomingCallsApi
{
    /// <summary>The settings, in provisioning's names; a missing one stays as it is.</summary>
    public sealed record FeaturesBody(string? PickupPrefix, string? ParkPrefix, string? ReleasePrefix, string? PagingPrefix, [property: System.Text.Json.Serialization.JsonPropertyName("ext_distinctive_ring")] bool? ExtensionDistinctiveRing);

    public static void Map(RouteGroupBuilder me)
    {
        me.MapGet("/incoming-calls", (FeatureChanges changes) => Results.Ok(Body(changes.Current)))
            .WithName("GetIncomingCalls").WithSummary("The customer's pickup, park, release and paging prefixes and distinctive ring");

        me.MapPut("/incoming-calls", (FeaturesBody body, FeatureChanges changes) =>
        {
            var now = changes.Current;
            var result = changes.Set(new CustomerFeatures(body.PickupPrefix ?? now.PickupPrefix, body.ParkPrefix ?? now.ParkPrefix, body.ReleasePrefix ?? now.ReleasePrefix,
                body.PagingPrefix ?? now.PagingPrefix, body.ExtensionDistinctiveRing ?? now.ExtensionDistinctiveRing));
            return result.Done ? Results.NoContent() : Results.Json(new ApiError("invalid", result.Message!, result.Field, result.Kind), statusCode: StatusCodes.Status400BadRequest);
        }).WithName("SetIncomingCalls").WithSummary("Changes the prefixes (validated like provision import)");
    }

    private static FeaturesBody Body(CustomerFeatures f) => new(f.PickupPrefix, f.ParkPrefix, f.ReleasePrefix, f.PagingPrefix, f.ExtensionDistinctiveRing);
}
