using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Centrex.Switch.Sip;

namespace Centrex.Switch.Transport;

/// <summary>
/// The listening side: one UDP socket and one TCP listener on the same address and port (RFC 3261 §18: a server
/// listens on both). Port 0 picks a free port for UDP and then binds TCP to the same number. Every received message
/// is parsed and handed to the sink; nothing a peer sends can end a receive loop except closing its own connection.
/// TCP is bounded by <see cref="TcpLimits"/> (connections in total and per address, timeouts), and a failing accept
/// backs off instead of spinning, so a flood of connections cannot take UDP, HTTP or memory with it.
/// </summary>
internal sealed class SipTransports(TcpLimits? tcpLimits = null) : IAsyncDisposable
{
    private readonly TcpLimits _tcpLimits = tcpLimits ?? TcpLimits.Default;
    private readonly ConnectionCounter _accepted = new(tcpLimits ?? TcpLimits.Default);
    private readonly ConcurrentDictionary<IPEndPoint, SipConnection> _connections = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private Socket? _udp;
    private TcpListener? _tcp;
    private ISipMessageSink? _sink;

    public IPEndPoint? UdpEndpoint { get; private set; }

    public IPEndPoint? TcpEndpoint { get; private set; }

    /// <summary>Accepted TCP connections open now.</summary>
    public int AcceptedConnections => _accepted.Total;

    /// <summary>TCP connections closed at once because a limit was reached.</summary>
    public long RefusedConnections => Interlocked.Read(ref _refused);

    private long _refused;

    /// <summary>Longest wait for a TCP connection the switch opens to a phone or trunk.</summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(1);

    public void Start(IPEndPoint endpoint, ISipMessageSink sink)
    {
        _sink = sink;
        for (var attempt = 0; ; attempt++)
        {
            // A large receive buffer rides out bursts (load tests, floods of junk) instead of dropping datagrams.
            var udp = new Socket(endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 4 << 20 };
            udp.Bind(endpoint);
            var bound = (IPEndPoint)udp.LocalEndPoint!;
            var tcp = new TcpListener(bound);
            try
            {
                tcp.Start(512);
            }
            catch (SocketException) when (endpoint.Port == 0 && attempt < 20)
            {
                udp.Dispose();
                continue; // the UDP port number is taken for TCP: try another.
            }

            _udp = udp;
            _tcp = tcp;
            UdpEndpoint = bound;
            TcpEndpoint = (IPEndPoint)tcp.LocalEndpoint;
            break;
        }

        _loops.Add(Task.Run(() => UdpLoopAsync(_stop.Token)));
        _loops.Add(Task.Run(() => AcceptLoopAsync(_stop.Token)));
    }

    private async Task UdpLoopAsync(CancellationToken cancel)
    {
        var buffer = new byte[SipLimits.MaxMessageBytes + 1];
        var any = new IPEndPoint(_udp!.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!cancel.IsCancellationRequested)
        {
            SocketReceiveFromResult result;
            try
            {
                result = await _udp.ReceiveFromAsync(buffer, SocketFlags.None, any, cancel).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                continue; // e.g. ICMP port unreachable reported on the socket: not a reason to stop listening.
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }

            var source = new SipSource(SipTransportKind.Udp, (IPEndPoint)result.RemoteEndPoint, null);
            var data = buffer.AsSpan(0, result.ReceivedBytes);
            if (IsKeepAlive(data))
            {
                continue;
            }

            var message = SipMessage.ParseNew(data, out var error);
            try
            {
                if (error == SipParseError.None)
                {
                    _sink!.OnMessage(message, source);
                }
                else
                {
                    _sink!.OnMalformed(data, error, source);
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A bug in handling one message must not stop the server (issue 4: bad input never stops it).
                Console.Error.WriteLine($"centrex: error handling a message from {source}: {e.GetType().Name}: {e.Message}");
            }
        }
    }

    private static bool IsKeepAlive(ReadOnlySpan<byte> data) => data.TrimStart("\r\n\0 "u8).IsEmpty;

    private async Task AcceptLoopAsync(CancellationToken cancel)
    {
        var backoff = TimeSpan.Zero;
        while (!cancel.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _tcp!.AcceptSocketAsync(cancel).ConfigureAwait(false);
                backoff = TimeSpan.Zero;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionAborted or SocketError.ConnectionReset)
            {
                continue; // the client gave up before its connection was accepted
            }
            catch (SocketException e)
            {
                // Out of descriptors or buffers (EMFILE, ENFILE, ENOBUFS): accepting again at once would spin and fail
                // the same way. Wait, doubling up to a second, while connections close and free what accept needs.
                if (backoff == TimeSpan.Zero)
                {
                    Console.Error.WriteLine($"centrex: SIP TCP accept failed ({e.SocketErrorCode}: {e.Message}); backing off");
                }

                backoff = backoff == TimeSpan.Zero ? TimeSpan.FromMilliseconds(10) : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.TicksPerSecond));
                try
                {
                    await Task.Delay(backoff, cancel).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }

            var address = ((IPEndPoint)socket.RemoteEndPoint!).Address;
            if (!_accepted.TryAdd(address))
            {
                // Over a limit: reset at once, so the descriptor is free again and the client learns straight away.
                Interlocked.Increment(ref _refused);
                socket.LingerState = new LingerOption(true, 0);
                socket.Dispose();
                continue;
            }

            socket.NoDelay = true;
            var connection = new SipConnection(socket, _tcpLimits);
            connection.Closed += closed =>
            {
                _accepted.Remove(closed.Remote.Address);
                _connections.TryRemove(new KeyValuePair<IPEndPoint, SipConnection>(closed.Remote, closed));
            };
            _connections[connection.Remote] = connection;
            _ = Task.Run(() => connection.ReadLoopAsync(new GuardedSink(_sink!), cancel), CancellationToken.None);
        }
    }

    /// <summary>Sends a message: over <paramref name="connection"/> when open, else UDP, or a TCP connection to the address.</summary>
    public bool Send(SipTransportKind kind, IPEndPoint to, ReadOnlySpan<byte> bytes, SipConnection? connection = null)
    {
        try
        {
            if (kind == SipTransportKind.Udp)
            {
                return _udp?.SendTo(bytes, SocketFlags.None, to) == bytes.Length;
            }

            connection = connection is { IsOpen: true } ? connection : Connection(to);
            return connection?.Send(bytes) == true;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>The open connection to <paramref name="to"/>, or a new one (RFC 3261 §18.2.2: else open one).</summary>
    private SipConnection? Connection(IPEndPoint to)
    {
        if (_connections.TryGetValue(to, out var existing) && existing.IsOpen)
        {
            return existing;
        }

        var socket = new Socket(to.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            // Bounded: this runs on the switch's signalling path, and a contact that drops SYNs would otherwise hold it
            // for the kernel's whole connect timeout (about two minutes).
            if (!socket.ConnectAsync(to).Wait(ConnectTimeout))
            {
                socket.Dispose();
                return null;
            }
        }
        catch (AggregateException e) when (e.InnerException is SocketException)
        {
            socket.Dispose();
            return null;
        }

        var connection = new SipConnection(socket, _tcpLimits);
        connection.Closed += closed => _connections.TryRemove(new KeyValuePair<IPEndPoint, SipConnection>(to, closed));
        _connections[to] = connection;
        var cancel = _stop.Token;
        _ = Task.Run(() => connection.ReadLoopAsync(new GuardedSink(_sink!), cancel), CancellationToken.None);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _udp?.Dispose();
        _tcp?.Stop();
        foreach (var connection in _connections.Values)
        {
            connection.Dispose();
        }

        await Task.WhenAll(_loops).ConfigureAwait(false);
        _stop.Dispose();
    }

    /// <summary>Keeps one failing message from ending a TCP connection's loop.</summary>
    private sealed class GuardedSink(ISipMessageSink inner) : ISipMessageSink
    {
        public void OnMessage(SipMessage message, SipSource source)
        {
            try
            {
                inner.OnMessage(message, source);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Console.Error.WriteLine($"centrex: error handling a message from {source}: {e.GetType().Name}: {e.Message}");
            }
        }

        public void OnMalformed(ReadOnlySpan<byte> data, SipParseError error, SipSource source)
        {
            try
            {
                inner.OnMalformed(data, error, source);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Console.Error.WriteLine($"centrex: error answering a malformed message from {source}: {e.GetType().Name}: {e.Message}");
            }
        }
    }
}
