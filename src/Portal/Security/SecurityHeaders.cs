using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Security;

/// <summary>
/// Response headers that keep the pages from being framed, sniffed or made to load anything from elsewhere: every
/// asset is the process's own (<c>'self'</c>), no inline script runs, and forms post only back here.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>Adds the headers to <paramref name="response"/>.</summary>
    public static void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
    }
}
