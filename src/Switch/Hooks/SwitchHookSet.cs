using Centrex.Switch.Calls;
using Centrex.Switch.Cdrs;

namespace Centrex.Switch.Hooks;

/// <summary>
/// The call-control hooks <see cref="SwitchHooksFactory"/> builds, with the parts that own threads and sockets: site
/// admission, the media core and the CDR stage, which every switch has, and a balance authorization, which only a
/// rated switch (<see cref="SwitchHooks"/>) has. Dispose after the switch has stopped: the CDR stage drains (every
/// emitted CDR stored, and charged when rated), then the media core closes; dispose before the ledger writer thread
/// the stage charges through.
/// </summary>
public abstract class SwitchHookSet : IDisposable
{
    private bool _disposed;

    private protected SwitchHookSet(SiteAdmissionHook admission, IBalanceAuthorization balance, MediaHook media, CdrSinkHook cdrs, RealTimeCdrSink sink)
    {
        Admission = admission;
        Media = media;
        Cdrs = cdrs;
        Sink = sink;
        Hooks = new CallHooks(admission, balance, media, cdrs);
    }

    /// <summary>What <see cref="SipSwitchSettings.Hooks"/> takes.</summary>
    public CallHooks Hooks { get; }

    /// <summary>Site admission control.</summary>
    public SiteAdmissionHook Admission { get; }

    /// <summary>The media core.</summary>
    public MediaHook Media { get; }

    /// <summary>CDRs to the CDR stage.</summary>
    public CdrSinkHook Cdrs { get; }

    /// <summary>The CDR stage: store, and when rated, rate and charge.</summary>
    public RealTimeCdrSink Sink { get; }

    /// <summary>Drains the CDR stage, then closes the media core.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Drains the CDR stage and closes the media core, once, when called from <see cref="Dispose()"/>.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            return;
        }

        _disposed = true;
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
