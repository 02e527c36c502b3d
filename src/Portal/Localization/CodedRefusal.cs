using System.Globalization;

namespace Centrex.Portal.Localization;

/// <summary>
/// A refusal with a stable code: its English <paramref name="Message"/> (as a page shows it and the API answers), its
/// <paramref name="Code"/> (resource <c>refusal.CODE</c>), the <paramref name="Detail"/> of the message the code's text
/// stands for (the rest before it names the record: <c>accounts (id "ACC-1")</c>) and the <paramref name="Arguments"/> of
/// that text. Given as a value of another coded refusal (the billing page's <c>{0}; nothing was changed</c>), it is written
/// in the language of the culture it is formatted with, and as its English message in the invariant culture, which
/// <see cref="Refusals"/> formats with to check the English message.
/// </summary>
public sealed record CodedRefusal(string Message, string Code, string Detail, IReadOnlyList<object> Arguments) : IFormattable
{
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        formatProvider is CultureInfo culture && culture.Name == PortalCultures.French.Name ? Refusals.Word(this, PortalCultures.French) ?? Message : Message;

    public override string ToString() => Message;
}
