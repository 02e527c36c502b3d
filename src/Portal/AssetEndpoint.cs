using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal;

/// <summary>
/// Serves the portal's stylesheet and script from the assembly's embedded resources (issue 16: "work without a CDN:
/// every asset is served by the process"). Read once at start; cached by browsers for a day.
/// </summary>
public static class AssetEndpoint
{
    private static readonly FrozenDictionary<string, (byte[] Bytes, string Type)> Assets = Load();

    /// <summary>Answers <c>GET /assets/{name}</c>.</summary>
    public static IResult Serve(string name) =>
        Assets.TryGetValue(name, out var asset)
            ? Results.Bytes(asset.Bytes, asset.Type, lastModified: null, entityTag: null)
            : Results.NotFound();

    private static FrozenDictionary<string, (byte[], string)> Load()
    {
        const string prefix = "Centrex.Portal.Assets.";
        var assembly = typeof(AssetEndpoint).Assembly;
        var assets = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var name = resource[prefix.Length..];
            assets[name] = (copy.ToArray(), name.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
