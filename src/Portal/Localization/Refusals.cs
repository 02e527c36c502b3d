using System.Globalization;
using Centrex.Provisioning;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Localization;

/// <summary>
/// The refusals of this request that carry a stable code, noted where they are made (provisioning's validation through
/// <see cref="Data.ProvisioningChanges"/>, the portal's own checks of a value), so the page that shows one next to its
/// field can show it in the login's language (<see cref="ErrorTagHelper"/>), while the message itself stays the English
/// one the API and the command line answer with. Pages keep writing the English message: nothing changes in English.
/// </summary>
public static class Refusals
{
    private static readonly object Key = new();

    /// <summary>
    /// The request being served, for code that is handed none (a static form reader, a checker shared with the API):
    /// ASP.NET Core's <see cref="HttpContextAccessor"/> keeps it in one async-local shared by every instance once the
    /// accessor is registered (<c>PortalHost</c> registers it), so its refusals can be noted where they are worded.
    /// </summary>
    public static HttpContext? Current => new HttpContextAccessor().HttpContext;

    /// <summary>
    /// Notes that <paramref name="message"/> (as a page will show it) is the refusal <paramref name="code"/>
    /// (resource <c>refusal.CODE</c>) of <paramref name="arguments"/>; <paramref name="detail"/> is the part of the message
    /// the code's text stands for (the rest before it names the record: <c>accounts (id "ACC-1")</c>).
    /// </summary>
    public static void Note(HttpContext? context, string message, string code, string detail, IReadOnlyList<object> arguments)
    {
        if (context is null || PortalCultures.IsEnglish)
        {
            return;
        }

        if (context.Items[Key] is not Dictionary<string, CodedRefusal> noted)
        {
            context.Items[Key] = noted = new Dictionary<string, CodedRefusal>(StringComparer.Ordinal);
        }

        noted[message] = Coded(message, code, detail, arguments);
    }

    /// <summary>The refusal <paramref name="code"/> of <paramref name="arguments"/> that <paramref name="message"/> is (see <see cref="Note(HttpContext?, string, string, string, IReadOnlyList{object})"/>).</summary>
    public static CodedRefusal Coded(string message, string code, string detail, IReadOnlyList<object> arguments) =>
        // A phrase of provisioning's (a forward's reason, a regular expression's error) is worded from its key.
        new(message, code, detail, [.. arguments.Select(a => a is RefusalPhrase p ? new ResourceText(p.English, p.Key) : a)]);

    /// <summary>A refusal of the portal's own (no record): its message is its detail.</summary>
    public static void Note(HttpContext? context, string code, string message, params object[] arguments) =>
        Note(context, message, code, message, arguments);

    /// <summary>
    /// <paramref name="message"/> in the request's language when it is a refusal noted in this request whose code has a
    /// text; null otherwise (the caller shows it as it is).
    /// </summary>
    public static string? Translate(HttpContext context, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[Key] is Dictionary<string, CodedRefusal> noted && noted.TryGetValue(message, out var refusal) ? Word(refusal, PortalCultures.Current) : null;
    }

    /// <summary><paramref name="refusal"/> in <paramref name="culture"/> when its code has a text that says what its English message says; null otherwise.</summary>
    public static string? Word(CodedRefusal refusal, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var message = refusal.Message;
        var english = PortalText.Resources.GetString("refusal." + refusal.Code, PortalCultures.English);
        var translated = PortalText.Resources.GetString("refusal." + refusal.Code, culture);
        var values = refusal.Arguments.ToArray();

        // The English text of the code must say what the message says: a text that no longer matches the validator's
        // would put other words, or other values, next to the field; the English message is shown then.
        if (english is null || translated is null || string.Format(CultureInfo.InvariantCulture, english, values) != refusal.Detail)
        {
            return null;
        }

        var detail = string.Format(culture, translated, values);
        if (message.Length == refusal.Detail.Length || !message.EndsWith(": " + refusal.Detail, StringComparison.Ordinal))
        {
            return detail;
        }

        var record = message[..^(refusal.Detail.Length + 2)];
        return string.Format(culture, PortalText.Resources.GetString("{0}: {1}", culture) ?? "{0}: {1}", record, detail);
    }
}
