using Centrex.Switch.Provisioning;

namespace Centrex.Switch.Calls;

/// <summary>
/// What a dialed string asks of the caller ID, and the number left to route once that is taken off (seed 003, "Other
/// functions": <c>3712999999h</c> is an anonymous call, <c>3712999999c2</c> sends the line's second number; seed 004
/// Identity: the hide and show CLI prefixes, dialed before the number when Hide CLI is automatic).
/// </summary>
/// <param name="Number">What is left to route.</param>
/// <param name="Hide">True: hide on this call; false: show; null: nothing asked.</param>
/// <param name="CallerIdIndex">1 for <c>c1</c> (the line's first DID), 2 for <c>c2</c>...; null when not given.</param>
internal readonly record struct DialedIdentity(string Number, bool? Hide, int? CallerIdIndex)
{
    /// <summary>Takes the suffixes (after a digit, in either order) and, for an automatic line, one prefix off <paramref name="dialed"/>.</summary>
    public static DialedIdentity Parse(string dialed, SwitchIdentity identity)
    {
        bool? hide = null;
        int? index = null;
        var number = dialed;
        for (var round = 0; round < 2; round++)
        {
            if (hide is null && number.Length > 1 && number[^1] is 'h' or 'H' && IsDialDigit(number[^2]))
            {
                hide = true;
                number = number[..^1];
                continue;
            }

            var c = number.Length - 1;
            while (c > 0 && char.IsAsciiDigit(number[c]))
            {
                c--;
            }

            if (index is null && c > 0 && c < number.Length - 1 && number[c] is 'c' or 'C' && IsDialDigit(number[c - 1])
                && int.TryParse(number.AsSpan(c + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                index = n;
                number = number[..c];
            }
        }

        if (identity.HideCli == HideCli.Automatic)
        {
            if (identity.HidePrefix is { Length: > 0 } hidePrefix && number.Length > hidePrefix.Length && number.StartsWith(hidePrefix, StringComparison.Ordinal))
            {
                return new DialedIdentity(number[hidePrefix.Length..], true, index);
            }

            if (identity.ShowPrefix is { Length: > 0 } showPrefix && number.Length > showPrefix.Length && number.StartsWith(showPrefix, StringComparison.Ordinal))
            {
                return new DialedIdentity(number[showPrefix.Length..], hide ?? false, index);
            }
        }

        return new DialedIdentity(number, hide, index);
    }

    private static bool IsDialDigit(char c) => char.IsAsciiDigit(c) || c is '#' or '*';
}
