using System.Resources;

namespace Centrex.Portal.Localization;

/// <summary>
/// The portal's texts in other languages than English (<c>PortalText.fr.resx</c> beside this file): one shared table,
/// keyed by the English text as the pages write it, so a page is written in plain English and read through
/// <c>IStringLocalizer&lt;PortalText&gt;</c> (the layout) or <see cref="TranslateTagHelper"/> (labels, headings, buttons).
/// A text with no entry shows in English. <c>PortalText.resx</c> (English) lists the texts with values
/// (<c>Extension of line {0} saved.</c>) and the refusals' texts by code (<c>refusal.extension-emergency</c>): every one of
/// them must have its French entry with the same placeholders (<c>ResourceCompletenessTests</c>).
/// </summary>
public sealed class PortalText
{
    /// <summary>The resources themselves, for code that is handed a culture rather than the request's.</summary>
    public static ResourceManager Resources { get; } = new(typeof(PortalText));
}
