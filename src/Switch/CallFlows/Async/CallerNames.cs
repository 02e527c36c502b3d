namespace Centrex.Switch.CallFlows.Async;

/// <summary>
/// Makes a looked-up name safe for a From display name (RFC 3261 §25.1 quoted-string): quotes, backslashes, angle
/// brackets and control characters (CR, LF: a header injection) are dropped, runs of spaces become one, and the name is
/// cut at <see cref="MaxLength"/> characters (phones show little more).
/// </summary>
public static class CallerNames
{
    /// <summary>The longest name kept.</summary>
    public const int MaxLength = 40;

    /// <summary>The sanitized name; null when nothing is left.</summary>
    public static string? Sanitize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var kept = new System.Text.StringBuilder(Math.Min(text.Length, MaxLength));
        var space = false;
        foreach (var c in text.Trim())
        {
            if (kept.Length == MaxLength)
            {
                break;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = kept.Length > 0;
                continue;
            }

            if (c is '"' or '\\' or '<' or '>' || char.IsSurrogate(c))
            {
                continue;
            }

            if (space && kept.Length < MaxLength - 1)
            {
                kept.Append(' ');
            }

            space = false;
            kept.Append(c);
        }

        return kept.Length == 0 ? null : kept.ToString();
    }
}
