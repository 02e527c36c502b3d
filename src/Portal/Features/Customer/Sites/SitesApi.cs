using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Customer.Sites;

/// <summary>
/// <c>/api/v1/me/sites</c>: the sites of the customer's lines with their limits (null: no limit) and whether the
/// customer may change them; <c>PUT /api/v1/me/sites/{id}</c> changes one the operator lets it change (403 otherwise).
/// </summary>
internal static class SitesApi
{
    public static void Map(RouteGroupBuilder me)
    {
        me.MapGet("/sites", (SiteQueries sites, SiteChanges changes) => Results.Ok(sites.All().Select(s => new
        {
            id = s.Site.Id, name = s.Site.Name, lines = s.Lines, max_calls = s.Site.MaxCalls, max_incoming = s.Site.MaxIncoming,
            max_outgoing = s.Site.MaxOutgoing, max_forwarded = s.Site.MaxForwarded, max_bandwidth_kbps = s.Site.MaxBandwidthKbps,
            max_incoming_kbps = s.Site.MaxIncomingKbps, max_outgoing_kbps = s.Site.MaxOutgoingKbps,
            editable = changes.WhyReadOnly(s.Site) is null,
        }))).WithName("ListSites").WithSummary("The sites of the customer's lines, their limits, and whether the customer may change them");

        me.MapPut("/sites/{id}", (string id, JsonElement body, SiteChanges changes) =>
        {
            if (body.ValueKind != JsonValueKind.Object)
            {
                return Results.Json(new Security.ApiError("invalid", "a JSON object of name and limits"), statusCode: StatusCodes.Status400BadRequest);
            }

            // The fields of provisioning's JSON; a limit left out or null is no limit, as in import.
            var values = SiteChanges.Fields.ToDictionary(f => f, f => body.TryGetProperty(f, out var v) ? v.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => v.GetString(),
                _ => v.GetRawText(),
            } : null, StringComparer.Ordinal);
            var outcome = changes.Edit(id, values);
            return outcome.Status switch
            {
                StatusCodes.Status200OK => Results.NoContent(),
                StatusCodes.Status404NotFound => Results.Json(new Security.ApiError("not-found", $"no site {id} among your lines"), statusCode: StatusCodes.Status404NotFound),
                StatusCodes.Status403Forbidden => Results.Json(new Security.ApiError("forbidden", outcome.Errors[string.Empty]), statusCode: StatusCodes.Status403Forbidden),
                _ => Results.Json(new Security.ApiError("invalid", outcome.Errors.First().Value, outcome.Errors.First().Key is { Length: > 0 } f ? f : null), statusCode: StatusCodes.Status400BadRequest),
            };
        }).WithName("EditSite").WithSummary("Changes a site's name and limits (provisioning's fields) when the operator lets the customer change it");
    }
}
