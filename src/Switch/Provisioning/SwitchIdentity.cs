namespace Centrex.Switch.Provisioning;

/// <summary>
/// What a line's outgoing calls show (seed 004 Identity; seed 001 "What phone number will they see?"): the DID sent as
/// caller ID (null: its first DID), and whether and how the number is hidden.
/// </summary>
/// <param name="CallerId">One of the line's DIDs (E.164 digits, no '+'), or null for its first.</param>
/// <param name="HideCli">Never, always, or as each call asks.</param>
/// <param name="HidePrefix">Dialed before a number to hide the caller ID on that call (automatic only), or null.</param>
/// <param name="ShowPrefix">Dialed before a number to show it on that call (automatic only), or null.</param>
public sealed record SwitchIdentity(string? CallerId = null, HideCli HideCli = HideCli.Automatic, string? HidePrefix = null, string? ShowPrefix = null)
{
    /// <summary>Its first DID, hidden only when a call asks.</summary>
    public static SwitchIdentity Default { get; } = new();
}
