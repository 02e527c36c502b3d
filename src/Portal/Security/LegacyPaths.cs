using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Security;

/// <summary>
/// The deprecated <c>/v1</c> paths (issue 13's API, moved under <c>/api/v1</c> by issue 16, answered for one release).
/// Every answer on them, a 401 or 403 included (review 16, item 6: a 403 had none), carries <c>Deprecation</c> as RFC 9745
/// §2 writes it (<c>@</c> and the Unix time it was deprecated), <c>Sunset</c> (RFC 8594: the day they stop answering) and a
/// <c>Link</c> to the successor (RFC 8288, <c>rel="successor-version"</c>): the request's own URL under <c>/api</c>, not a
/// route template.
/// </summary>
public static class LegacyPaths
{
    /// <summary>When the /v1 paths were deprecated: 2026-12-01T00:00:00Z, the release that moved them.</summary>
    public static readonly DateTimeOffset Deprecated = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>When they stop answering: 2027-06-01T00:00:00Z, the next release.</summary>
    public static readonly DateTimeOffset Sunset = new(2027, 6, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Middleware: adds the headers to every answer on a /v1 path.</summary>
    public static Task Mark(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Request.Path.StartsWithSegments(PortalPaths.LegacyApi))
        {
            var successor = PathString.FromUriComponent(PortalPaths.Api[..^3]).Add(context.Request.Path).ToUriComponent() + context.Request.QueryString.ToUriComponent();
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers["Deprecation"] = "@" + Deprecated.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
                headers["Sunset"] = Sunset.ToString("r", System.Globalization.CultureInfo.InvariantCulture);
                headers.Link = $"<{successor}>; rel=\"successor-version\"";
                return Task.CompletedTask;
            });
        }

        return next(context);
    }
}
