namespace Centrex.Switch.Calls;

/// <summary>
/// The fixed parts of one side of a call's dialog as the switch writes its requests in it (RFC 3261 §12.2.1.1): its
/// Call-ID, its From (the switch's URI and tag) and its To (the party's URI and tag). A transfer moves a dialog from one
/// call to another, or puts a new one in a side of a call, with these.
/// </summary>
/// <param name="CallId">The dialog's Call-ID.</param>
/// <param name="From">The From header value the switch writes (its own tag included).</param>
/// <param name="To">The To header value the switch writes (the party's tag included).</param>
/// <param name="Sips">Whether the dialog was made by a <c>sips:</c> request (§12.1.2: it stays secure).</param>
internal sealed record DialogHeaders(string CallId, string From, string To, bool Sips);
