using System.Net;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Centrex.Portal.Localization;

/// <summary>
/// Translates the plain text of the elements that name things on a page (field labels, table headings, headings,
/// buttons, menu links, options, empty states, a page's paragraphs and a field's hint) through <see cref="PortalText"/>, so the pages stay written in English
/// and a new page is translated by adding its texts to the resource file, not by rewriting its markup. Only an
/// element whose whole content is text is looked up (one with markup inside, or data, is left alone), and nothing is
/// done in English: the element is written as it is.
/// </summary>
[HtmlTargetElement("label")]
[HtmlTargetElement("th")]
[HtmlTargetElement("h1")]
[HtmlTargetElement("h2")]
[HtmlTargetElement("h3")]
[HtmlTargetElement("button")]
[HtmlTargetElement("legend")]
[HtmlTargetElement("caption")]
[HtmlTargetElement("summary")]
[HtmlTargetElement("dt")]
[HtmlTargetElement("option")]
[HtmlTargetElement("a")]
[HtmlTargetElement("p")]
[HtmlTargetElement("div", Attributes = "[class=hint]")]
public sealed class TranslateTagHelper(IStringLocalizer<PortalText> text) : TagHelper
{
    // After the framework's own helpers on the same elements (option, a): they may set the content first.
    public override int Order => 1000;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (PortalCultures.IsEnglish || output.Content.IsModified)
        {
            return;
        }

        var html = (await output.GetChildContentAsync()).GetContent();
        if (html.Length == 0 || html.Length > 1000 || html.Contains('<', StringComparison.Ordinal))
        {
            return;
        }

        var english = WebUtility.HtmlDecode(html).Trim();
        var translated = text[english];
        if (translated.ResourceNotFound)
        {
            // Resource names are case-insensitive (a .resources file keeps one of "Change Password" and "Change
            // password"): the one kept is the heading's, with its words capitalized.
            translated = text[Capitalized(english)];
        }

        if (!translated.ResourceNotFound)
        {
            output.Content.SetContent(translated.Value);
        }
    }

    private static string Capitalized(string text) =>
        string.Join(' ', text.Split(' ').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
}
