using System.Globalization;

namespace Centrex.Portal.Localization;

/// <summary>
/// A fixed English text (<c>insufficient funds</c>) given as a value of a coded refusal, written in the language of the
/// culture it is formatted with: its <see cref="PortalText"/> entry in French, itself in English (and in the invariant
/// culture, which <see cref="Refusals"/> formats with to check the English message), so the whole refusal is shown in
/// one language.
/// </summary>
public sealed record ResourceText(string English) : IFormattable
{
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        formatProvider is CultureInfo culture && culture.Name == PortalCultures.French.Name
            ? PortalText.Resources.GetString(English, culture) ?? English
            : English;

    public override string ToString() => English;
}
