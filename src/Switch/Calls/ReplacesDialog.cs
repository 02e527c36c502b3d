namespace Centrex.Switch.Calls;

/// <summary>
/// The dialog a Replaces header names (RFC 3891 §6.1): its Call-ID, and its tags from the point of view of the party
/// the INVITE would reach (to-tag: that party's local tag, from-tag: the other end's).
/// </summary>
internal sealed record ReplacesDialog(string CallId, string ToTag, string FromTag);
