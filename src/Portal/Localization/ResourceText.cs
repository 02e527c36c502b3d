using System.Globalization;

namespace Centrex.Portal.Localization;

/// <summary>
/// A fixed English text (<c>insufficient funds</c>) given as a value of a coded refusal, written in the language of the
/// culture it is formatted with: its <see cref="PortalText"/> entry in French, itself in English (and in the invariant
/// culture, which <see cref="Refusals"/> formats with to check the English message), so the whole refusal is shown in
/// one language. A text whose English is not fixed (a message of .NET's, a phrase of provisioning's) is looked up by its
/// <see cref="Key"/> instead.
/// </summary>
public sealed record ResourceText(string English, string? Key = null) : IFormattable
{
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        formatProvider is CultureInfo culture && culture.Name == PortalCultures.French.Name
            ? PortalText.Resources.GetString(Key ?? English, culture) ?? English
            : English;

    public override string ToString() => English;
}
