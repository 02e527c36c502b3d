namespace Centrex.Portal.Security;

/// <summary>
/// How many reads one customer may have in progress at once (<c>serve --http-read-concurrency</c>): a page or an
/// export of a million calls takes a core for a second or more, so one customer's script asking for many in parallel
/// must not take every core from the others (review of issue 16, finding 10). A person at the pages has one or two in
/// progress; the default leaves a browser's parallel downloads and a polite script untouched.
/// </summary>
/// <param name="Concurrent">Reads in progress at once per customer; past it 429 with Retry-After.</param>
public sealed record ReadLimits(int Concurrent)
{
    /// <summary>4 at once.</summary>
    public static ReadLimits Default { get; } = new(4);
}
