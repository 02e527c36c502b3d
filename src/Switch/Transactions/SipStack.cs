using System.Net;
using Centrex.Switch.Clock;
using Centrex.Switch.Sip;
using Centrex.Switch.Sip.Writing;
using Centrex.Switch.Transport;
using NodaTime;

namespace Centrex.Switch.Transactions;

/// <summary>
/// The transaction layer (RFC 3261 §17) between the transports and the transaction user. One lock (<see cref="Gate"/>)
/// serializes everything that touches transaction and call state: received messages, timer callbacks, and the
/// transaction user's own calls, so state machines never race. Sending happens under it too; UDP sends do not block.
/// </summary>
internal sealed partial class SipStack : ISipMessageSink
{
    private readonly Dictionary<string, ServerTransaction> _servers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ClientTransaction> _clients = new(StringComparer.Ordinal);
    private readonly SipTransports _transports;
    private readonly StatelessTags _statelessTags = new();

    public SipStack(SipTransports transports, ISwitchClock clock)
    {
        _transports = transports;
        Clock = clock;
    }

    public object Gate { get; } = new();

    public ISwitchClock Clock { get; }

    public ISipCore Core { get; set; } = null!;

    /// <summary>The address this switch puts in its Via and Contact headers.</summary>
    public IPEndPoint LocalEndpoint => _transports.UdpEndpoint ?? new IPEndPoint(IPAddress.Loopback, 5060);

    public int ServerTransactionCount
    {
        get
        {
            lock (Gate)
            {
                return _servers.Count;
            }
        }
    }

    public int ClientTransactionCount
    {
        get
        {
            lock (Gate)
            {
                return _clients.Count;
            }
        }
    }

    /// <summary>Messages that failed to parse, answered or dropped.</summary>
    public long MalformedCount { get; private set; }

    /// <summary>Responses sent without a server transaction (<see cref="RespondStatelessly"/>).</summary>
    public long StatelessResponses { get; private set; }

    /// <summary>A timer whose callback runs under <see cref="Gate"/> and never after it was cancelled.</summary>
    public ISwitchTimer StartTimer(Duration delay, Action callback)
    {
        var guard = new GuardedTimer();
        guard.Inner = Clock.Schedule(delay, () =>
        {
            lock (Gate)
            {
                if (!guard.Cancelled)
                {
                    guard.Cancelled = true;
                    callback();
                }
            }
        });
        return guard;
    }

    public bool Send(SipTransportKind kind, IPEndPoint to, ReadOnlySpan<byte> bytes, SipConnection? connection) =>
        _transports.Send(kind, to, bytes, connection);

    /// <summary>
    /// Sends a response where RFC 3261 §18.2.2 says: on the connection the request came on when it is open; over UDP
    /// to the source address (the received parameter) at the source port when the client asked for rport (RFC 3581
    /// §4), else at the sent-by port or 5060.
    /// </summary>
    public void SendResponse(ServerTransaction transaction, byte[] response) => SendResponse(transaction.Request, transaction.Source, response);

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

    private void SendResponse(SipMessage request, SipSource source, byte[] response)
    {
        if (source.Kind == SipTransportKind.Tcp)
        {
            _transports.Send(SipTransportKind.Tcp, source.Remote, response, source.Connection);
            return;
        }

        var via = request.TopVia;
        var port = via.HasRport ? source.Remote.Port : via.Port != 0 ? via.Port : 5060;
        _transports.Send(SipTransportKind.Udp, new IPEndPoint(source.Remote.Address, port), response, null);
    }

    /// <summary>Starts a client transaction for a request the switch built.</summary>
    public ClientTransaction SendRequest(byte[] bytes, string branch, SipTransportKind kind, IPEndPoint to,
        SipConnection? connection, IClientTransactionUser user, object? userState = null)
    {
        var request = SipMessage.ParseNew(bytes, out var error);
        if (error != SipParseError.None)
        {
            throw new InvalidOperationException($"the switch built a malformed request: {SipParseErrors.Reason(error)}");
        }

        var transaction = new ClientTransaction(this, request, bytes, branch, kind, to, connection, user) { UserState = userState };
        _clients[transaction.Key] = transaction;
        transaction.Start();
        return transaction;
    }

    internal void Remove(ServerTransaction transaction)
    {
        if (_servers.TryGetValue(transaction.Key, out var existing) && ReferenceEquals(existing, transaction))
        {
            _servers.Remove(transaction.Key);
        }
    }

    internal void Remove(ClientTransaction transaction)
    {
        if (_clients.TryGetValue(transaction.Key, out var existing) && ReferenceEquals(existing, transaction))
        {
            _clients.Remove(transaction.Key);
        }
    }

    private sealed class GuardedTimer : ISwitchTimer
    {
        public ISwitchTimer? Inner;
        public bool Cancelled;

        public void Cancel()
        {
            Cancelled = true;
            Inner?.Cancel();
        }
    }
}
