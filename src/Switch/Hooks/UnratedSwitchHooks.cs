using Centrex.Switch.Calls;

namespace Centrex.Switch.Hooks;

/// <summary>
/// The hooks of a switch run without a tariff (<see cref="SwitchHooksFactory.CreateUnrated"/>): site admission, the
/// media core and the CDR store apply as always, so every attempt still ends in one stored CDR (charge them later with
/// <c>centrex cdr export</c> and <c>centrex rate --data</c>); calls are neither priced nor limited by a balance.
/// </summary>
public sealed class UnratedSwitchHooks : SwitchHookSet
{
    internal UnratedSwitchHooks(SiteAdmissionHook admission, MediaHook media, CdrSinkHook cdrs, Cdrs.RealTimeCdrSink sink)
        : base(admission, PassThroughHooks.Instance, media, cdrs, sink)
    {
    }
}
