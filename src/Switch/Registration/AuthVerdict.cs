using Centrex.Switch.Provisioning;

namespace Centrex.Switch.Registration;

/// <summary>
/// What to do with a request that needs authentication: admit it for <see cref="Account"/>, challenge it (stale=true
/// when <see cref="Stale"/>), or drop it unanswered (<see cref="Drop"/>: a slowed or blocked source).
/// </summary>
internal readonly record struct AuthVerdict(SwitchAccount? Account, bool Drop, bool Stale)
{
    public bool Admitted => Account is not null;

    public static AuthVerdict Admit(SwitchAccount account) => new(account, false, false);

    public static AuthVerdict Challenge(bool stale) => new(null, false, stale);

    public static readonly AuthVerdict Dropped = new(null, true, false);
}
