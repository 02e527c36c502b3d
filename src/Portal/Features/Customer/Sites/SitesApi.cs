using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Customer.Sites;

/// <summary><c>/api/v1/me/sites</c>: the sites of the customer's lines with their limits (read-only; null: no limit).</summary>
internal static class SitesApi
{
    public static void Map(RouteGroupBuilder me) =>
        me.MapGet("/sites", (SiteQueries sites) => Results.Ok(sites.All().Select(s => new
        {
            id = s.Site.Id, name = s.Site.Name, lines = s.Lines, max_calls = s.Site.MaxCalls, max_incoming = s.Site.MaxIncoming,
            max_outgoing = s.Site.MaxOutgoing, max_forwarded = s.Site.MaxForwarded, max_bandwidth_kbps = s.Site.MaxBandwidthKbps,
            max_incoming_kbps = s.Site.MaxIncomingKbps, max_outgoing_kbps = s.Site.MaxOutgoingKbps,
        }))).WithName("ListSites").WithSummary("The sites of the customer's lines and their limits");
}
