namespace Centrex.Switch.Provisioning;

/// <summary>
/// How a line, or all the lines of a customer, screen the calls they receive (seed 001 "Calling Preferences": do not
/// disturb, call waiting, anonymous call rejection; seed 000 "Number Black Listing"). On an account a null setting
/// takes its customer's, and a customer's null takes the default (off, call waiting on). Blacklists add up: a caller
/// on the customer's or the line's list is refused.
/// </summary>
/// <param name="DoNotDisturb">Refuse every call (480).</param>
/// <param name="AnonymousRejection">Refuse calls whose caller withholds its identity (433, RFC 5079).</param>
/// <param name="CallWaiting">Whether a second call reaches a line with a call in progress (off: 486).</param>
/// <param name="BlockedNumbers">Callers refused (E.164 digits, no '+', or on-net account ids and extensions).</param>
/// <param name="BlockedPrefixes">Callers whose number starts with one of these are refused.</param>
public sealed record SwitchScreening(
    bool? DoNotDisturb = null,
    bool? AnonymousRejection = null,
    bool? CallWaiting = null,
    IReadOnlyList<string>? BlockedNumbers = null,
    IReadOnlyList<string>? BlockedPrefixes = null)
{
    /// <summary>Nothing set: everything as its customer, or the defaults.</summary>
    public static SwitchScreening None { get; } = new();

    /// <summary>Whether <paramref name="number"/> is on this list (exactly, or by a prefix).</summary>
    public bool Blocks(string number)
    {
        if (Lists(number))
        {
            return true;
        }

        if (number.Length > 0 && BlockedPrefixes is { } prefixes)
        {
            for (var i = 0; i < prefixes.Count; i++)
            {
                if (number.StartsWith(prefixes[i], StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="number"/> is on the list of blocked numbers exactly (prefixes not looked at).</summary>
    public bool Lists(string number)
    {
        if (number.Length == 0 || BlockedNumbers is not { } numbers)
        {
            return false;
        }

        for (var i = 0; i < numbers.Count; i++)
        {
            if (string.Equals(numbers[i], number, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
