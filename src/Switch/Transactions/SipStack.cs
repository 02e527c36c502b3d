using System.Net;
using Centrex.Switch.Clock;
using Centrex.Switch.Metrics;
using Centrex.Switch.Partitions;
using Centrex.Switch.Sip;
using Centrex.Switch.Sip.Writing;
using Centrex.Switch.Transport;
using NodaTime;

namespace Centrex.Switch.Transactions;

/// <summary>
/// The transaction layer (RFC 3261 §17) of one call-control partition, between the router and the transaction user.
/// Everything here runs on the partition's one thread (its ring's event processor): received messages, timers (the
/// partition's <see cref="TimerWheel"/>) and the transaction user's own calls, so state machines never race and take
/// no lock. Messages leave through the send stage; the identifiers it makes name its partition
/// (<see cref="PartitionTokens"/>), so every later message of a transaction or dialog comes back here.
/// </summary>
internal sealed partial class SipStack
{
    private readonly Dictionary<string, ServerTransaction> _servers = new(StringComparer.Ordinal);
    private readonly Dictionary<ClientTransactionKey, ClientTransaction> _clients = new(ClientTransactionKeyComparer.Instance);
    private readonly Dictionary<string, ServerTransaction>.AlternateLookup<ReadOnlySpan<char>> _serversByText;
    private readonly Dictionary<ClientTransactionKey, ClientTransaction>.AlternateLookup<ClientTransactionKeyText> _clientsByText;
    private char[] _key = new char[256]; // where keys of received messages are written to be looked up (TransactionKeys)
    private readonly SipMessage _built = new();
    private readonly StatelessTags _statelessTags;
    private readonly ISipSender _sender;
    private readonly ITimerScheduler _timers;
    private int _transactions;

    public SipStack(int partition, ISipSender sender, ISwitchClock clock, ITimerScheduler timers, StatelessTags statelessTags)
    {
        Partition = partition;
        _sender = sender;
        Clock = clock;
        _timers = timers;
        _statelessTags = statelessTags;
        _serversByText = _servers.GetAlternateLookup<ReadOnlySpan<char>>();
        _clientsByText = _clients.GetAlternateLookup<ClientTransactionKeyText>();
    }

    /// <summary>The partition this stack belongs to.</summary>
    public int Partition { get; }

    public ISwitchClock Clock { get; }

    public ISipCore Core { get; set; } = null!;

    /// <summary>Offers a CANCEL that matches no INVITE here to the next partition (see <see cref="OnCancel"/>).</summary>
    public Func<int, SipMessage, SipSource, int, bool>? ForwardCancel { get; set; }

    /// <summary>The switch's counters (retransmissions, refusals, ended calls), shared by every partition.</summary>
    public SwitchMetrics Metrics { get; init; } = new();

    /// <summary>Partitions in the switch (a CANCEL is offered to each once at most).</summary>
    public int PartitionCount { get; set; } = 1;

    /// <summary>The address this switch puts in its Via and Contact headers.</summary>
    public IPEndPoint LocalEndpoint => _sender.LocalEndpoint;

    /// <inheritdoc cref="ISipSender.LocalEndpointFor"/>
    public IPEndPoint LocalEndpointFor(SipTransportKind kind) => _sender.LocalEndpointFor(kind);

    public int ServerTransactionCount => _servers.Count;

    public int ClientTransactionCount => _clients.Count;

    /// <summary>Responses sent without a server transaction (<see cref="RespondStatelessly"/>).</summary>
    public long StatelessResponses { get; private set; }

    /// <summary>A new branch, tag or Call-ID of this partition.</summary>
    public string NewBranch() => PartitionTokens.Branch(Partition);

    /// <inheritdoc cref="NewBranch"/>
    public string NewTag() => PartitionTokens.Tag(Partition);

    /// <summary>A new tag for the dialog of an emergency call (<see cref="PartitionTokens.EmergencyTag"/>).</summary>
    public string NewEmergencyTag() => PartitionTokens.EmergencyTag(Partition);

    /// <inheritdoc cref="NewBranch"/>
    public string NewCallId() => PartitionTokens.CallId(Partition);

    /// <summary>A timer on the partition's wheel: its callback runs on the partition's thread, never after it was cancelled.</summary>
    public ISwitchTimer StartTimer(Duration delay, Action callback) => _timers.Schedule(Clock.Now + delay, callback);

    /// <summary>
    /// A timer on the partition's wheel that tells <paramref name="target"/> <c>OnTimer(<paramref name="kind"/>)</c>: what
    /// transactions use, so a timer waiting 32 s (Timer J, RFC 6026's L and M) is no object of its own.
    /// </summary>
    public TimerHandle StartTimer(Duration delay, ITimerTarget target, int kind) => _timers.Schedule(Clock.Now + delay, target, kind);

    public void Send(SipTransportKind kind, IPEndPoint to, byte[] bytes, SipConnection? connection) =>
        _sender.Send(kind, to, bytes, connection, null, Partition);

    /// <summary>The send stage could not send a request of <paramref name="transaction"/> (§8.1.3.1); nothing once it ended.</summary>
    public void OnTransportError(ClientTransaction transaction)
    {
        if (_clients.TryGetValue(transaction.Key, out var open) && ReferenceEquals(open, transaction))
        {
            transaction.OnTransportError();
        }
    }

    /// <summary>
    /// Sends a response where RFC 3261 §18.2.2 says: on the connection the request came on when it is open; over UDP
    /// to the source address (the received parameter) at the source port when the client asked for rport (RFC 3581
    /// §4), else at the sent-by port or 5060.
    /// </summary>
    public void SendResponse(ServerTransaction transaction, byte[] response)
    {
        var source = transaction.Source;
        _sender.Send(source.Kind, transaction.ResponseTo, response, source.Kind == SipTransportKind.Udp ? null : source.Connection, null, Partition);
    }

    /// <summary>
    /// Answers <paramref name="request"/> without a server transaction (RFC 3261 §8.2.7, stateless UAS behaviour):
    /// nothing is kept, nothing is retransmitted, a retransmitted request is answered again one for one, and the ACK
    /// for a non-2xx response is absorbed by its To tag (<see cref="StatelessTags"/>). For what an unauthenticated
    /// source may cause: one datagram out per datagram in and no state (§26.3.2.4 on denial of service).
    /// </summary>
    public void RespondStatelessly(SipMessage request, SipSource source, int status, string reason, string? extraHeaders = null)
    {
        StatelessResponses++;
        SendResponse(request, source, SipResponses.Simple(request, source, status, reason, _statelessTags.For(request), extraHeaders));
    }

    private void SendResponse(SipMessage request, SipSource source, byte[] response) =>
        _sender.Send(source.Kind, ResponseDestination(request, source), response, source.Kind == SipTransportKind.Udp ? null : source.Connection, null, Partition);

    /// <summary>Where a response to <paramref name="request"/> goes: see <see cref="SendResponse(ServerTransaction, byte[])"/>.</summary>
    internal static IPEndPoint ResponseDestination(SipMessage request, SipSource source)
    {
        if (source.Kind != SipTransportKind.Udp)
        {
            return source.Remote;
        }

        var via = request.TopVia;
        var port = via.HasRport ? source.Remote.Port : via.Port != 0 ? via.Port : 5060;
        return port == source.Remote.Port ? source.Remote : new IPEndPoint(source.Remote.Address, port);
    }

    /// <summary>Starts a client transaction for a request the switch built.</summary>
    public ClientTransaction SendRequest(byte[] bytes, string branch, SipTransportKind kind, IPEndPoint to,
        SipConnection? connection, IClientTransactionUser user, object? userState = null)
    {
        // Checked by parsing into one message kept for it (the partition's thread is the only one here), not a copy per request.
        var error = _built.Parse(bytes);
        if (error != SipParseError.None)
        {
            throw new InvalidOperationException($"the switch built a malformed request: {SipParseErrors.Reason(error)}");
        }

        var transaction = new ClientTransaction(this, _built, bytes, branch, kind, to, connection, user) { UserState = userState };
        _clients[transaction.Key] = transaction;
        Counted();
        transaction.Start();
        return transaction;
    }

    /// <summary>Sends a client transaction's request (first time or retransmission); a failure comes back as <see cref="OnTransportError"/>.</summary>
    internal void SendRequestBytes(ClientTransaction transaction, byte[] bytes) =>
        _sender.Send(transaction.Kind, transaction.Destination, bytes, transaction.Connection, transaction, Partition);

    internal void Remove(ServerTransaction transaction)
    {
        if (_servers.TryGetValue(transaction.Key, out var existing) && ReferenceEquals(existing, transaction))
        {
            _servers.Remove(transaction.Key);
            Counted();
        }
    }

    internal void Remove(ClientTransaction transaction)
    {
        if (_clients.TryGetValue(transaction.Key, out var existing) && ReferenceEquals(existing, transaction))
        {
            _clients.Remove(transaction.Key);
            Counted();
        }
    }

    /// <summary>Server and client transactions open, as last published by the partition's thread (any thread may read it).</summary>
    public int Transactions => Volatile.Read(ref _transactions);

    /// <summary>Publishes the count after the partition's thread opened or ended a transaction.</summary>
    internal void Counted() => Volatile.Write(ref _transactions, _servers.Count + _clients.Count);
}
