using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Docs;

/// <summary>
/// The browsable API documentation (issue 16): every API route as it is mapped, with its summary, rendered on the server
/// (no script, no CDN), beside the OpenAPI document generated from the same routes. Any signed-in login or key may read it.
/// </summary>
public sealed class IndexModel(EndpointDataSource endpoints) : PageModel
{
    /// <summary>A route.</summary>
    public sealed record Route(string Method, string Path, string Summary, bool Deprecated);

    public IReadOnlyList<Route> Routes { get; private set; } = [];

    /// <summary>
    /// The routes table's sortable columns; by path by default, the deprecated <c>/v1/</c> paths after the current ones
    /// (before them when descending).
    /// </summary>
    public static Shared.TableSort<Route> Sorting { get; } = new("path", defaultDescending: false,
    [
        ("method", r => r.Method), ("path", r => (r.Deprecated ? "1 " : "0 ") + r.Path), ("summary", r => r.Summary),
    ]);

    /// <summary>The URL's order of the routes (all on one page: a reference is read whole, searched with the browser's find).</summary>
    public Shared.Paging Order { get; private set; } = null!;

    /// <summary>The routes in the URL's order.</summary>
    public IReadOnlyList<Route> Shown => Sorting.Sort(Routes, Order);

    public void OnGet()
    {
        Order = Sorting.Read(Request.Query);
        Routes = [.. endpoints.Endpoints.OfType<RouteEndpoint>()
        .Where(e => e.RoutePattern.RawText is { } p && (p.StartsWith("/api/v1/", StringComparison.Ordinal) || p.StartsWith("/v1/", StringComparison.Ordinal)))
        .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => new Route(
            m, e.RoutePattern.RawText!, e.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary ?? Summary(e.RoutePattern.RawText!),
            e.RoutePattern.RawText!.StartsWith("/v1/", StringComparison.Ordinal))))
        .OrderBy(r => r.Deprecated).ThenBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)];
    }

    private static string Summary(string path) => path switch
    {
        _ when path.EndsWith("/cdr-batches", StringComparison.Ordinal) => "Post a batch of CDRs to be rated and charged (scope cdr-batches:write; Idempotency-Key; Prefer: return=minimal lists only the rows not charged)",
        _ when path.EndsWith("/balance", StringComparison.Ordinal) => "An account's balance and counters (scope balances:read)",
        _ when path.EndsWith("/session", StringComparison.Ordinal) => "Log in (POST) or out (DELETE) as a portal user",
        _ when path.EndsWith("/session/csrf", StringComparison.Ordinal) => "The anti-forgery token for changes made with a session",
        _ => string.Empty,
    };
}
