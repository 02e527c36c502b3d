namespace Centrex.Switch.Calls;

/// <summary>
/// What a REFER's Refer-To names (RFC 3515 §2.1): the user (the number the transferee is sent to) and, for an attended
/// transfer, the dialog to replace, carried as an escaped <c>Replaces</c> header in the URI (RFC 3891 §7.1:
/// <c>&lt;sip:bob@host?Replaces=12345%40host%3Bto-tag%3D12%3Bfrom-tag%3D34&gt;</c>).
/// </summary>
internal sealed record ReferTarget(string User, ReplacesDialog? Replaces)
{
    /// <summary>Reads a Refer-To value; false when it names no sip:, sips: or tel: URI with a user, or its Replaces is broken.</summary>
    public static bool TryParse(string value, out ReferTarget target)
    {
        target = new ReferTarget(string.Empty, null);
        var uri = value.Trim();
        if (uri.StartsWith('<') || uri.Contains('<', StringComparison.Ordinal))
        {
            var open = uri.IndexOf('<', StringComparison.Ordinal);
            var close = uri.IndexOf('>', open + 1);
            if (close < 0)
            {
                return false;
            }

            uri = uri[(open + 1)..close];
        }
        else if (uri.IndexOf(';', StringComparison.Ordinal) is var semicolon and >= 0)
        {
            uri = uri[..semicolon]; // without <>, ';' starts the header's own parameters (§20.10)
        }

        string rest;
        if (uri.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            rest = uri[4..];
        }
        else if (uri.StartsWith("sips:", StringComparison.OrdinalIgnoreCase))
        {
            rest = uri[5..];
        }
        else
        {
            return false;
        }

        var headers = string.Empty;
        if (rest.IndexOf('?', StringComparison.Ordinal) is var question and >= 0)
        {
            headers = rest[(question + 1)..];
            rest = rest[..question];
        }

        var at = rest.IndexOf('@', StringComparison.Ordinal);
        var user = at >= 0 ? rest[..at] : rest;
        if (user.IndexOf(';', StringComparison.Ordinal) is var parameters and >= 0)
        {
            user = user[..parameters]; // user parameters (;user=phone, tel: ;phone-context) are not the number
        }

        user = Uri.UnescapeDataString(user);
        if (user.Length == 0)
        {
            return false;
        }

        ReplacesDialog? replaces = null;
        foreach (var header in headers.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (header.StartsWith("Replaces=", StringComparison.OrdinalIgnoreCase))
            {
                if (!TryReplaces(Uri.UnescapeDataString(header["Replaces=".Length..]), out replaces))
                {
                    return false;
                }
            }
        }

        target = new ReferTarget(user, replaces);
        return true;
    }

    /// <summary>RFC 3891 §6.1: <c>callid;to-tag=x;from-tag=y</c> (and perhaps early-only), all three required.</summary>
    private static bool TryReplaces(string value, out ReplacesDialog? replaces)
    {
        replaces = null;
        var parts = value.Split(';', StringSplitOptions.TrimEntries);
        string? toTag = null;
        string? fromTag = null;
        foreach (var part in parts.AsSpan(1))
        {
            if (part.StartsWith("to-tag=", StringComparison.OrdinalIgnoreCase))
            {
                toTag = part["to-tag=".Length..];
            }
            else if (part.StartsWith("from-tag=", StringComparison.OrdinalIgnoreCase))
            {
                fromTag = part["from-tag=".Length..];
            }
        }

        if (parts[0].Length == 0 || toTag is null || fromTag is null)
        {
            return false;
        }

        replaces = new ReplacesDialog(parts[0], toTag, fromTag);
        return true;
    }
}
