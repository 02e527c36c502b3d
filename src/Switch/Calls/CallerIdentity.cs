namespace Centrex.Switch.Calls;

/// <summary>
/// The identity a phone's call presents on its outgoing leg: the DID chosen (E.164 digits, no '+'; null when the line has
/// none) and whether it is hidden from the called party (RFC 3323). A hidden call still asserts the DID to the trunk
/// (RFC 3325 P-Asserted-Identity with <c>Privacy: id</c>), which must not pass it on.
/// </summary>
/// <param name="Number">The DID shown (or asserted when hidden), or null.</param>
/// <param name="Hidden">Whether the called party is to see an anonymous caller.</param>
internal sealed record CallerIdentity(string? Number, bool Hidden);
