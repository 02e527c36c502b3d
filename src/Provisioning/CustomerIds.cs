namespace Centrex.Provisioning;

/// <summary>
/// What a customer's id may hold (review of issue 16, finding 3): it names the customer's downloads
/// (<c>transactions-ID-….csv</c>, an HTTP header), its URLs and its logins, so it is 1 to 64 letters (accented ones
/// too: <c>Boulangerie-Québec</c>), digits, <c>-</c>, <c>_</c> or <c>.</c>; never a quote, a slash, a space or a
/// control character, which a header, a path or a CSV cell would have to escape.
/// </summary>
public static class CustomerIds
{
    /// <summary>The longest id.</summary>
    public const int MaxLength = 64;

    /// <summary>Whether <paramref name="id"/> is a customer id this store takes.</summary>
    public static bool IsValid(string? id) =>
        id is { Length: > 0 and <= MaxLength } && id.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.');
}
