using Centrex.Ledger;
using Centrex.Rating;
using Centrex.Switch.Authorization;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Fraud;
using Centrex.Switch.Media;
using Centrex.Switch.Provisioning;

namespace Centrex.Switch.Hooks;

/// <summary>Builds the switch's call-control hooks over the call-control modules (README-callctl.md).</summary>
public static class SwitchHooksFactory
{
    /// <summary>
    /// Site admission from the directory's sites, balance authorization over the tariff and the ledger's balances
    /// with each account's fraud controls, the media core of <paramref name="mediaMode"/>, and real-time CDRs charged through the ledger's writer thread.
    /// </summary>
    /// <param name="directory">Accounts (debit or credit) and sites.</param>
    /// <param name="rater">The tariff: prices authorizations and charges.</param>
    /// <param name="ledgerStore">Balances for authorization (as of the last commit).</param>
    /// <param name="ledgerWriterThread">The ledger's single writer, shared with the rest of the service.</param>
    /// <param name="dataDirectory">Where the CDR store lives (<c>DATA/cdrs</c>).</param>
    /// <param name="mediaMode">Relay or direct media.</param>
    /// <param name="mediaOptions">Relay address and port range (defaults when null).</param>
    /// <param name="adjust">Adjusts each call's journal entry before it is charged (the host's volume discounts), or null.</param>
    /// <param name="fraudLog">Where fraud-control refusals are logged, one line per account and hour (standard error when null).</param>
    public static SwitchHooks Create(ISwitchDirectory directory, Rater rater, LedgerStore ledgerStore, LedgerWriterThread ledgerWriterThread,
        string dataDirectory, MediaMode mediaMode, MediaOptions? mediaOptions = null, ChargeAdjuster? adjust = null, TextWriter? fraudLog = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(rater);
        ArgumentNullException.ThrowIfNull(ledgerStore);
        ArgumentNullException.ThrowIfNull(ledgerWriterThread);
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);

        var admission = new SiteAdmissionHook(directory);
        var media = new MediaHook(MediaCoreFactory.Create((mediaOptions ?? new MediaOptions()) with { Mode = mediaMode }));
        RealTimeCdrSink? sink = null;
        try
        {
            sink = new RealTimeCdrSink(rater, ledgerWriterThread, dataDirectory, adjust: adjust);
            var balance = new BalanceAuthorizationHook(directory, new CallAuthorizer(rater, new LedgerBalanceSource(ledgerStore)), sink.Health,
                new FraudControl(rater, fraudLog ?? Console.Error));

            return new SwitchHooks(admission, balance, media, new CdrSinkHook(sink, balance, SwitchCdrIds.NewRun()), sink);
        }
        catch
        {
            sink?.Dispose();
            media.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The hooks of a switch without a tariff: site admission, the media core of <paramref name="mediaOptions"/> and
    /// every CDR stored in <c>DATA/cdrs</c>, nothing priced or charged.
    /// </summary>
    /// <param name="directory">Sites and accounts.</param>
    /// <param name="dataDirectory">Where the CDR store lives.</param>
    /// <param name="mediaOptions">Relay or direct media.</param>
    public static UnratedSwitchHooks CreateUnrated(ISwitchDirectory directory, string dataDirectory, MediaOptions mediaOptions)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        var media = new MediaHook(MediaCoreFactory.Create(mediaOptions));
        RealTimeCdrSink? sink = null;
        try
        {
            sink = new RealTimeCdrSink(null, null, dataDirectory);
            return new UnratedSwitchHooks(new SiteAdmissionHook(directory), media, new CdrSinkHook(sink, null, SwitchCdrIds.NewRun()), sink);
        }
        catch
        {
            sink?.Dispose();
            media.Dispose();
            throw;
        }
    }
}
