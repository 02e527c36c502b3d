using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Centrex.Portal.Localization;

/// <summary>
/// A text of <see cref="PortalText"/> for HTML written in code (the tables' sort links and pager), which
/// <see cref="TranslateTagHelper"/> does not see.
/// </summary>
public static class Translation
{
    /// <summary><paramref name="english"/> in the request's language (itself in English, or when it has no entry).</summary>
    public static string Of(HttpContext context, string english, params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (PortalCultures.IsEnglish)
        {
            return values.Length == 0 ? english : string.Format(PortalCultures.English, english, values);
        }

        var text = context.RequestServices.GetRequiredService<IStringLocalizer<PortalText>>();
        return text[english, values!].Value;
    }
}
