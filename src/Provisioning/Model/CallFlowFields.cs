namespace Centrex.Provisioning.Model;

/// <summary>
/// Checks of the fields of seed 003's network and caller-number nodes, the same limits the switch applies when it
/// compiles a flow (<c>Centrex.Switch.CallFlows.FlowNodeTypes</c>), so a flow import refuses what the switch would.
/// </summary>
public static class CallFlowFields
{
    /// <summary>The longest deadline of a network node (the caller waits in silence meanwhile).</summary>
    public const int MaxTimeoutSeconds = 10;

    /// <summary>The longest prefix or suffix, and the most characters stripped.</summary>
    public const int MaxAffixLength = 15;

    /// <summary>The furthest a call-history node looks back.</summary>
    public const int MaxHistoryDays = 90;

    /// <summary>Why <paramref name="value"/> is not an http(s) URL (placeholders such as <c>{caller}</c> allowed); null when it is one.</summary>
    public static string? UrlError(string value)
    {
        var plain = value.Replace("{", string.Empty, StringComparison.Ordinal).Replace("}", string.Empty, StringComparison.Ordinal);
        return Uri.TryCreate(plain, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? null : $"'{value}' is not an http:// or https:// URL";
    }

    /// <summary>Up to 15 digits, <c>*</c> or <c>#</c>, with an optional leading <c>+</c>.</summary>
    public static bool IsAffix(string value) =>
        value.Length <= MaxAffixLength && value.Select((c, i) => char.IsAsciiDigit(c) || c is '*' or '#' || (c == '+' && i == 0)).All(ok => ok);

    /// <summary>A bare email address.</summary>
    public static bool IsEmail(string value) =>
        System.Net.Mail.MailAddress.TryCreate(value, out var address) && address.Address == value;
}
