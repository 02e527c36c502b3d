using Centrex.Switch.Calls;
using Centrex.Switch.Cdrs;

namespace Centrex.Switch.Hooks;

/// <summary>
/// The hooks of a switch run without a tariff (<see cref="SwitchHooksFactory.CreateUnrated"/>): site admission, the
/// media core and the CDR store apply as always, so every attempt still ends in one stored CDR (charge them later with
/// <c>centrex cdr export</c> and <c>centrex rate --data</c>); calls are neither priced nor limited by a balance.
/// Dispose after the switch has stopped: the CDR stage drains, then the media core closes.
/// </summary>
public sealed class UnratedSwitchHooks : IDisposable
{
    internal UnratedSwitchHooks(SiteAdmissionHook admission, MediaHook media, CdrSinkHook cdrs, RealTimeCdrSink sink)
    {
        Admission = admission;
        Media = media;
        Cdrs = cdrs;
        Sink = sink;
        Hooks = new CallHooks(admission, PassThroughHooks.Instance, media, cdrs);
    }

    /// <summary>What <see cref="SipSwitchSettings.Hooks"/> takes.</summary>
    public CallHooks Hooks { get; }

    /// <summary>Site admission control.</summary>
    public SiteAdmissionHook Admission { get; }

    /// <summary>The media core.</summary>
    public MediaHook Media { get; }

    /// <summary>CDRs to the store.</summary>
    public CdrSinkHook Cdrs { get; }

    /// <summary>The CDR stage (store only).</summary>
    public RealTimeCdrSink Sink { get; }

    /// <summary>Drains the CDR stage, then closes the media core.</summary>
    public void Dispose()
    {
        try
        {
            Sink.Dispose();
        }
        finally
        {
            Media.Dispose();
        }
    }
}
