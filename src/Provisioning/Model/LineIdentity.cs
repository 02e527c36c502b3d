namespace Centrex.Provisioning.Model;

/// <summary>
/// What a line's outgoing calls show (seed 004 Identity; seed 001, "What phone number will they see?": with several
/// numbers "you can choose which number to display"). JSON: the account's <c>caller_id</c>, <c>hide_cli</c>,
/// <c>hide_cli_prefix</c> and <c>show_cli_prefix</c>.
/// </summary>
/// <param name="CallerId">The DID shown (E.164 digits, no '+'), one of the account's; null: its first.</param>
/// <param name="HideCli">Never, always or automatic.</param>
/// <param name="HidePrefix">Dialed before a number to hide the caller ID on that call (automatic only).</param>
/// <param name="ShowPrefix">Dialed before a number to show it on that call (automatic only).</param>
public sealed record LineIdentity(string? CallerId, HideCli HideCli, string? HidePrefix, string? ShowPrefix)
{
    /// <summary>The first DID, hidden only when a call asks.</summary>
    public static LineIdentity Default { get; } = new(null, HideCli.Automatic, null, null);

    /// <summary>Whether it is the default (written and stored as nothing).</summary>
    public bool IsDefault => this == Default;
}
