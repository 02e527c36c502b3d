using Centrex.Switch.Calls;
using Centrex.Switch.Cdrs;

namespace Centrex.Switch.Hooks;

/// <summary>
/// The call-control hooks built by <see cref="SwitchHooksFactory"/>, with the parts that own threads and sockets.
/// Dispose after the switch has stopped: the CDR sink then drains (every emitted CDR stored and charged) and the media
/// relay closes; dispose before the ledger writer thread the sink charges through.
/// </summary>
public sealed class SwitchHooks : IDisposable
{
    internal SwitchHooks(SiteAdmissionHook admission, BalanceAuthorizationHook balance, MediaHook media, CdrSinkHook cdrs, RealTimeCdrSink sink)
    {
        Admission = admission;
        Balance = balance;
        Media = media;
        Cdrs = cdrs;
        Sink = sink;
        Hooks = new CallHooks(admission, balance, media, cdrs);
    }

    /// <summary>What <see cref="SipSwitchSettings.Hooks"/> takes.</summary>
    public CallHooks Hooks { get; }

    /// <summary>Site admission control.</summary>
    public SiteAdmissionHook Admission { get; }

    /// <summary>Balance authorization.</summary>
    public BalanceAuthorizationHook Balance { get; }

    /// <summary>The media core.</summary>
    public MediaHook Media { get; }

    /// <summary>CDRs to the real-time sink.</summary>
    public CdrSinkHook Cdrs { get; }

    /// <summary>The real-time CDR sink (store, rate, charge).</summary>
    public RealTimeCdrSink Sink { get; }

    /// <summary>Drains the CDR sink, then closes the media core.</summary>
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
