using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Security;

/// <summary>Which part of the HTTP listener a path belongs to.</summary>
public static class PortalPaths
{
    /// <summary>The REST API's prefix.</summary>
    public const string Api = "/api/v1";

    /// <summary>The HTTP API of issue 13, deprecated (its routes answer under <see cref="Api"/> too).</summary>
    public const string LegacyApi = "/v1";

    /// <summary>Whether <paramref name="path"/> is an API route (answered with JSON, never redirected).</summary>
    public static bool IsApi(PathString path) => path.StartsWithSegments(Api) || path.StartsWithSegments(LegacyApi);
}
