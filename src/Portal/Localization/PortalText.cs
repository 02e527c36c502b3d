namespace Centrex.Portal.Localization;

/// <summary>
/// The portal's texts in other languages than English (<c>PortalText.fr.resx</c> beside this file): one shared table,
/// keyed by the English text as the pages write it, so a page is written in plain English and read through
/// <c>IStringLocalizer&lt;PortalText&gt;</c> (the layout) or <see cref="TranslateTagHelper"/> (labels, headings, buttons).
/// A text with no entry shows in English.
/// </summary>
public sealed class PortalText;
