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

    /// <summary>
    /// A word shown as a value in a table cell (a status: <c>active</c>, <c>Disabled</c>) in the request's language: its
    /// entry whatever the case of its first letter (resource names are case-insensitive, so <c>Active</c> and
    /// <c>active</c> are one entry), written with the English's capital or not.
    /// </summary>
    public static string Word(HttpContext context, string english)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(english);
        if (PortalCultures.IsEnglish || english.Length == 0)
        {
            return english;
        }

        var text = context.RequestServices.GetRequiredService<IStringLocalizer<PortalText>>();
        var culture = PortalCultures.Current;
        foreach (var key in new[] { english, char.ToLowerInvariant(english[0]) + english[1..], char.ToUpperInvariant(english[0]) + english[1..] })
        {
            if (text[key] is { ResourceNotFound: false, Value: { Length: > 0 } found })
            {
                return (char.IsUpper(english[0]) ? char.ToUpper(found[0], culture) : char.ToLower(found[0], culture)) + found[1..];
            }
        }

        return english;
    }
}
