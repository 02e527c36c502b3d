using System.Net;
using Centrex.Switch.Metrics;
using Centrex.Switch.Partitions;
using Centrex.Switch.Provisioning;
using Centrex.Switch.Registration;
using Centrex.Switch.Transport;

namespace Centrex.Switch;

/// <summary>
/// A running switch: transports listening on UDP and TCP (and TLS when configured), and the stages of <see cref="SwitchPipeline"/> (router,
/// call-control partitions with their transactions, registrars and B2BUAs, send stage). Dispose to stop: calls in
/// progress end first, then the listeners close and the stages drain.
/// </summary>
public sealed class SipSwitch : IAsyncDisposable
{
    private readonly SipTransports _transports;
    private readonly SwitchPipeline _pipeline;
    private readonly LiveSwitchDirectory? _live;
    private int _disposed;

    private SipSwitch(SipSwitchSettings settings)
    {
        _live = settings.Directory as LiveSwitchDirectory;
        settings.AuthLimits.Validate();
        _transports = new SipTransports(settings.TcpLimits, settings.UdpReaders);
        _pipeline = new SwitchPipeline(settings, _transports);
        _transports.Start(settings.Endpoint, _pipeline, settings.Tls);
        _pipeline.Start();
    }

    /// <summary>The bound UDP address (the real port when 0 was asked for).</summary>
    public IPEndPoint UdpEndpoint => _transports.UdpEndpoint!;

    /// <summary>The bound TCP address.</summary>
    public IPEndPoint TcpEndpoint => _transports.TcpEndpoint!;

    /// <summary>The bound TLS address, or null when <see cref="SipSwitchSettings.Tls"/> was not given.</summary>
    public IPEndPoint? TlsEndpoint => _transports.TlsEndpoint;

    /// <summary>Accepted SIP TCP and TLS connections open now.</summary>
    public int TcpConnections => _transports.AcceptedConnections;

    /// <summary>SIP TCP connections reset at once because a limit of <see cref="SipSwitchSettings.TcpLimits"/> was reached.</summary>
    public long RefusedTcpConnections => _transports.RefusedConnections;

    /// <summary>Call-control partitions.</summary>
    public int PartitionCount => _pipeline.Partitions.Count;

    /// <summary>Calls in progress.</summary>
    public int ActiveCalls => _pipeline.Partitions.Sum(p => p.ActiveCalls);

    /// <summary>Calls in progress that both parties have answered and acknowledged (the talking phase).</summary>
    public int ConfirmedCalls => _pipeline.Partitions.Sum(p => p.ConfirmedCalls);

    /// <summary>Call flow nodes' network work (HTTP, SMTP, CDR history) started and not yet back, over every partition.</summary>
    public int FlowWorkInFlight => _pipeline.Partitions.Sum(p => p.Core.FlowWorkInFlight);

    /// <summary>The accounts with a live registration, read on each partition's thread (the portal's line status, issue 16).</summary>
    public IReadOnlyList<string> RegisteredAccounts() => [.. ReadAll(p => p.Registrar.Accounts()).SelectMany(a => a)];
    /// <summary>SIP transactions open in every partition, as each last published (for metrics: no partition is stopped to count).</summary>
    public int OpenTransactions => _pipeline.Partitions.Sum(p => p.Transactions);

    /// <summary>Messages received that did not parse.</summary>
    public long MalformedMessages => _pipeline.Router.Malformed;

    /// <summary>What the switch counts (messages, refusals, retransmissions, ended calls): <see cref="SipSwitchSettings.Metrics"/>.</summary>
    public SwitchMetrics Metrics => _pipeline.Metrics;

    internal SwitchPipeline Pipeline => _pipeline;

    /// <summary>Server transactions in every partition (read on each partition's thread, after what it has queued).</summary>
    internal int ServerTransactionCount => ReadAll(p => p.Stack.ServerTransactionCount).Sum();

    /// <summary>Client transactions in every partition (read on each partition's thread, after what it has queued).</summary>
    internal int ClientTransactionCount => ReadAll(p => p.Stack.ClientTransactionCount).Sum();

    /// <summary>Responses sent statelessly in every partition (read on each partition's thread).</summary>
    internal long StatelessResponses => _pipeline.Partitions.Sum(p => p.Read(() => p.Stack.StatelessResponses));

    /// <summary>The live registration of <paramref name="accountId"/>, read on the partition that holds it.</summary>
    internal Binding? Lookup(string accountId) => ReadAll(p => p.Registrar.Lookup(accountId)).FirstOrDefault(b => b is not null);

    /// <summary>Registrations in every partition.</summary>
    internal int Registrations => ReadAll(p => p.Registrar.Count).Sum();

    /// <summary>
    /// Waits until every partition has handled what the router gave it so far and the send stage has sent what that
    /// produced, and the router has counted what the partitions reported back (failed and ended credential checks) (tests:
    /// with one UDP reader, everything received before a probe's answer has had all its effects).
    /// </summary>
    internal void Quiesce()
    {
        foreach (var partition in _pipeline.Partitions)
        {
            partition.Run(static () => { });
        }

        _pipeline.WaitForRouter();
        _pipeline.WaitForSends();
    }

    /// <summary>
    /// Provisioning changed while the switch runs: publishes <paramref name="next"/> (built whole beforehand) to the
    /// router, every partition and the hooks at once, then drops, in each partition, the registrations of accounts
    /// that are gone or whose credentials changed (<see cref="Registrar.Forget"/>), and hands the registrations of
    /// accounts moved to a customer in another partition to that partition. Calls in progress are untouched:
    /// each was routed and checked with the directory of its INVITE and keeps it. Returns the registrations dropped.
    /// Call it from outside the switch's threads, and not after disposing.
    /// </summary>
    /// <exception cref="InvalidOperationException">The switch was not started on a <see cref="LiveSwitchDirectory"/>.</exception>
    public int ReplaceDirectory(ISwitchDirectory next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var live = _live ?? throw new InvalidOperationException("the switch was started on a fixed directory: give SipSwitchSettings a LiveSwitchDirectory to change it while it runs");
        var current = next.Current;
        var previous = live.Replace(current);
        var dropped = 0;
        var moved = new List<Binding>(); // filled on each partition's thread in turn: Read waits for each
        foreach (var partition in _pipeline.Partitions)
        {
            dropped += partition.Read(() => partition.Registrar.Forget(previous, current, account => _pipeline.Map.Of(account.CustomerId) == partition.Id, moved));
        }

        // An account moved to a customer in another partition: its binding is handed there, on that partition's thread.
        foreach (var group in moved.GroupBy(b => _pipeline.Map.Of(current.FindAccount(b.AccountId)!.CustomerId)))
        {
            var target = _pipeline.Partitions[group.Key];
            var bindings = group.ToList();
            target.Run(() => bindings.ForEach(target.Registrar.Adopt));
        }

        return dropped;
    }

    /// <summary>Binds the transports and starts serving.</summary>
    public static SipSwitch Start(SipSwitchSettings settings) => new(settings);

    /// <inheritdoc/>
    /// <remarks>Calls in progress are ended first: each gets its BYE or 503 and its CDR.</remarks>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _pipeline.EndAllCalls();
        await _transports.DisposeAsync().ConfigureAwait(false);
        _pipeline.Stop();
    }

    private IEnumerable<T> ReadAll<T>(Func<CallPartition, T> read) => _pipeline.Partitions.Select(p => p.Read(() => read(p))).ToList();
}
