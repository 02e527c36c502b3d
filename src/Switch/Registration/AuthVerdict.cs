using Centrex.Switch.Provisioning;

namespace Centrex.Switch.Registration;

/// <summary>
/// What to do with a request that needs authentication: admit it for <see cref="Account"/>, or challenge it
/// (stale=true when <see cref="Stale"/>). Slowed and blocked sources never get this far: the router drops them.
/// </summary>
internal readonly record struct AuthVerdict(SwitchAccount? Account, bool Stale)
{
    public bool Admitted => Account is not null;

    public static AuthVerdict Admit(SwitchAccount account) => new(account, false);

    public static AuthVerdict Challenge(bool stale) => new(null, stale);
}
