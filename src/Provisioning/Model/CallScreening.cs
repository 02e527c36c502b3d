namespace Centrex.Provisioning.Model;

/// <summary>
/// What a line, or every line of a customer, lets through (seed 001 "Calling Preferences": do not disturb, call waiting,
/// anonymous call rejection; seed 000 "Number Black Listing"). On an account a null setting is its customer's; a
/// customer's null is the default (off; call waiting on). A caller on the customer's or the line's blacklist is refused.
/// JSON: <c>do_not_disturb</c>, <c>anonymous_call_rejection</c>, <c>call_waiting</c> and
/// <c>blacklist: { "numbers": ["+12125550199"], "prefixes": ["1900"] }</c> on an account or a customer.
/// </summary>
/// <param name="DoNotDisturb">Refuse every call.</param>
/// <param name="AnonymousRejection">Refuse callers who withhold their number.</param>
/// <param name="CallWaiting">Whether a second call reaches a line that has one.</param>
/// <param name="BlockedNumbers">E.164 digits (no '+'), or an on-net account id or extension.</param>
/// <param name="BlockedPrefixes">Leading digits of blocked numbers.</param>
public sealed record CallScreening(bool? DoNotDisturb, bool? AnonymousRejection, bool? CallWaiting, IReadOnlyList<string> BlockedNumbers, IReadOnlyList<string> BlockedPrefixes)
{
    /// <summary>Nothing set.</summary>
    public static CallScreening None { get; } = new(null, null, null, [], []);

    /// <summary>Whether nothing is set (written and stored as nothing).</summary>
    public bool IsEmpty => DoNotDisturb is null && AnonymousRejection is null && CallWaiting is null && BlockedNumbers.Count == 0 && BlockedPrefixes.Count == 0;
}
