using Centrex.Switch.Provisioning;

namespace Centrex.Switch.Registration;

/// <summary>
/// A credentials check: its outcome, the account when authenticated, and the username the request gave (for the
/// failure log; null when there were no credentials).
/// </summary>
internal readonly record struct DigestResult(DigestOutcome Outcome, SwitchAccount? Account, string? Username)
{
    public bool IsFailure => Outcome is DigestOutcome.UnknownUser or DigestOutcome.WrongPassword or DigestOutcome.Replay or DigestOutcome.Invalid;
}
