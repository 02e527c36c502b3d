using System.Net;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Centrex.Portal.Localization;

/// <summary>
/// Shows a refusal next to its field (<c>class="field-error"</c>) or above the form (<c>class="error"</c>) in the login's
/// language: a refusal with a code noted in this request (<see cref="Refusals"/>: provisioning's validation, keeping the
/// record it names as it is) is written from its code's text with its values; a fixed message (<c>enter the card's
/// token</c>) from its entry in <see cref="PortalText"/>. Anything else, and everything in English, is left as written.
/// </summary>
[HtmlTargetElement(Attributes = "[class=field-error]")]
[HtmlTargetElement(Attributes = "[class=error]")]
public sealed class ErrorTagHelper(IStringLocalizer<PortalText> text) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override int Order => 1000;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (PortalCultures.IsEnglish || output.Content.IsModified)
        {
            return;
        }

        var html = (await output.GetChildContentAsync()).GetContent();
        if (html.Length == 0 || html.Contains('<', StringComparison.Ordinal))
        {
            return;
        }

        var english = WebUtility.HtmlDecode(html).Trim();
        if (Refusals.Translate(ViewContext.HttpContext, english) is { } translated)
        {
            output.Content.SetContent(translated);
        }
        else if (text[english] is { ResourceNotFound: false } fixedText)
        {
            output.Content.SetContent(fixedText.Value);
        }
    }
}
