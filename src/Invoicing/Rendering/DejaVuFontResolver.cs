using PdfSharp.Fonts;
using PdfSharp.Snippets.Font;

namespace Centrex.Invoicing.Rendering;

/// <summary>
/// Resolves the PDF fonts on Linux, where PdfSharp finds no system fonts: DejaVu Sans (Debian <c>fonts-dejavu-core</c>,
/// in <c>/usr/share/fonts/truetype/dejavu/</c>) regular and bold, embedded into every PDF. Any other face, or a machine
/// without DejaVu, falls back to PdfSharp's failsafe resolver so a PDF is still produced.
/// </summary>
public sealed class DejaVuFontResolver : IFontResolver
{
    /// <summary>The family name the renderers ask for.</summary>
    public const string Family = "DejaVu Sans";

    /// <summary>Where Debian installs the fonts.</summary>
    public const string DefaultFolder = "/usr/share/fonts/truetype/dejavu";

    private static readonly Lock SetupLock = new();
    private static bool _installed;
    private readonly FailsafeFontResolver _fallback = new();
    private readonly string _folder;

    private DejaVuFontResolver(string folder) => _folder = folder;

    /// <summary>
    /// Installs this resolver, once per process: PdfSharp finds no fonts on Linux without one. PDFsharp 6.2.4 is MIT and has
    /// no licence gate (6.5.0 names the AGPL and makes the caller accept it first; Centrex is Apache-2.0 and stays on 6.2.4).
    /// </summary>
    public static void EnsureInstalled()
    {
        lock (SetupLock)
        {
            if (_installed)
            {
                return;
            }

            GlobalFontSettings.FontResolver = new DejaVuFontResolver(Environment.GetEnvironmentVariable("CENTREX_FONT_DIR") ?? DefaultFolder);
            _installed = true;
        }
    }

    /// <inheritdoc />
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (familyName == Family && File.Exists(FacePath(bold)))
        {
            return new FontResolverInfo(bold ? "DejaVuSans-Bold" : "DejaVuSans");
        }

        return _fallback.ResolveTypeface(familyName, bold, italic);
    }

    /// <inheritdoc />
    public byte[]? GetFont(string faceName) => faceName switch
    {
        "DejaVuSans" => File.ReadAllBytes(FacePath(bold: false)),
        "DejaVuSans-Bold" => File.ReadAllBytes(FacePath(bold: true)),
        _ => _fallback.GetFont(faceName),
    };

    private string FacePath(bool bold) => Path.Combine(_folder, bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf");
}
