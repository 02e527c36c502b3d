using Centrex.Provisioning.Model;

namespace Centrex.Provisioning.Json;

/// <summary>An account's identity fields and the screening fields of an account or customer (issue 15).</summary>
public static partial class ProvisioningJsonReader
{
    // Properties, not fields: the field lists of the other partial file are built from them, and the order in which
    // static fields of two partial files are initialized is not defined.

    /// <summary>The identity fields of an account.</summary>
    internal static string[] IdentityFields => ["caller_id", "hide_cli", "hide_cli_prefix", "show_cli_prefix"];

    /// <summary>The screening fields of an account or a customer.</summary>
    internal static string[] ScreeningFields => ["do_not_disturb", "anonymous_call_rejection", "call_waiting", "blacklist"];

    private static readonly string[] BlacklistFields = ["numbers", "prefixes"];

    private static LineIdentity ReadIdentity(JsonRecord r)
    {
        var identity = new LineIdentity(Number(r, "caller_id"), r.Enum("hide_cli", WireNames.HideCliModes, HideCli.Automatic),
            DialPrefix(r, "hide_cli_prefix"), DialPrefix(r, "show_cli_prefix"));
        return identity.IsDefault ? LineIdentity.Default : identity;
    }

    /// <summary>A prefix a phone dials: 1 to 8 of the digits and * and #.</summary>
    private static string? DialPrefix(JsonRecord r, string name)
    {
        var text = r.OptionalString(name);
        return text is null || (text.Length is >= 1 and <= 8 && text.All(c => char.IsAsciiDigit(c) || c is '*' or '#')) ? text
            : throw r.Error($"field \"{name}\": '{text}' is not a dialing prefix (1 to 8 of the digits, * and #, e.g. *67)");
    }

    private static CallScreening ReadScreening(JsonRecord r)
    {
        bool? Flag(string name) => r.Has(name) ? r.Bool(name) : null;
        IReadOnlyList<string> numbers = [];
        IReadOnlyList<string> prefixes = [];
        if (r.Has("blacklist"))
        {
            var b = new JsonRecord(r.Object("blacklist"), r.Where + ", blacklist", BlacklistFields);
            numbers = [.. b.Strings("numbers").Select(n => Digits(b, "numbers", n, 1))];
            prefixes = [.. b.Strings("prefixes").Select(n => Digits(b, "prefixes", n, 1))];
        }

        var screening = new CallScreening(Flag("do_not_disturb"), Flag("anonymous_call_rejection"), Flag("call_waiting"), numbers, prefixes);
        return screening.IsEmpty ? CallScreening.None : screening;
    }

    /// <summary>A blacklist entry: digits (an optional '+' is dropped), 1 to 15.</summary>
    private static string Digits(JsonRecord r, string field, string text, int min)
    {
        var digits = text.StartsWith('+') ? text[1..] : text;
        return digits.Length >= min && digits.Length <= 15 && digits.All(char.IsAsciiDigit) ? digits
            : throw r.Error($"field \"{field}\": '{text}' is not a number or prefix (+ and 1 to 15 digits)");
    }
}
