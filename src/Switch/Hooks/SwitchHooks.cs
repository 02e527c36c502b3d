namespace Centrex.Switch.Hooks;

/// <summary>
/// The hooks of a rated switch (<see cref="SwitchHooksFactory.Create"/>): site admission, balance authorization, the
/// media core, and CDRs stored, rated and charged in real time.
/// </summary>
public sealed class SwitchHooks : SwitchHookSet
{
    internal SwitchHooks(SiteAdmissionHook admission, BalanceAuthorizationHook balance, MediaHook media, CdrSinkHook cdrs, Cdrs.RealTimeCdrSink sink)
        : base(admission, balance, media, cdrs, sink)
    {
        Balance = balance;
    }

    /// <summary>Balance authorization.</summary>
    public BalanceAuthorizationHook Balance { get; }

    /// <summary>The accounts' fraud controls, with a refusal counter per rule.</summary>
    public Fraud.FraudControl Fraud => Balance.Fraud!;
}
