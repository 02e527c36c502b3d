namespace Centrex.Switch.Cdrs;

/// <summary>
/// The callee text the switch hands the rater, the same in authorization, real-time charging and <c>cdr export</c>.
/// A number the dial plan normalized is already E.164: it goes to the rater with its <c>+</c>, which the rater strips
/// and does nothing else to. Without it the rater would apply North American dialing a second time and take a 10-digit
/// international number (<c>+881 6123456</c>, dialed <c>0118816123456</c>) for a domestic one, prefixing a 1 (issue 13,
/// item 1). A callee that did not normalize goes as dialed and is refused by the rater as it is by the dial plan.
/// </summary>
public static class RatedCallee
{
    /// <summary>The E.164 marker the rater recognizes as "already normalized".</summary>
    public const char E164Marker = '+';

    /// <summary>The text to rate: <c>+</c> and the normalized digits, or the dialed text when there are none.</summary>
    public static string Of(string? normalized, string dialed) =>
        normalized is { Length: > 0 } digits ? E164Marker + digits : dialed;
}
