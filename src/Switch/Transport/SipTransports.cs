using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Centrex.Switch.Sip;

namespace Centrex.Switch.Transport;

/// <summary>
/// The receive side of the pipeline and the sockets the send stage uses: one UDP socket and one TCP listener on the
/// same address and port (RFC 3261 §18: a server listens on both), and a TLS listener on its own when configured
/// (§26.2.1, 5061 by convention). UDP is read by one thread per socket, which copies datagrams into the receive ring
/// and nothing more: parsing and routing are the router's. On a fixed port with more than one reader, that many sockets
/// share the port with <c>SO_REUSEPORT</c>, so each peer's datagrams stay in order on one socket (several threads
/// reading one socket would swap a 180 and the 200 right behind it); on port 0 one socket and one reader, because a
/// port-0 bind with that option may join another process's group on the same port and split both switches' traffic.
/// Port 0 picks a free UDP port and then binds TCP to the same number. Nothing a peer sends can end a
/// receive loop except closing its own connection. TCP and TLS are bounded by <see cref="TcpLimits"/> (connections in
/// total and per address, counted together, timeouts, the TLS handshake's), and a failing accept backs off instead of
/// spinning, so a flood of connections cannot take UDP, HTTP or memory with it. A TLS handshake runs on the thread
/// pool, never on a UDP reader or the send stage (except for a connection the switch opens itself, bounded).
/// </summary>
internal sealed class SipTransports(TcpLimits? tcpLimits = null, int udpReaders = 1) : IAsyncDisposable
{
    private readonly TcpLimits _tcpLimits = tcpLimits ?? TcpLimits.Default;
    private readonly ConnectionCounter _accepted = new(tcpLimits ?? TcpLimits.Default);
    private readonly ConcurrentDictionary<IPEndPoint, SipConnection> _connections = new();
    private readonly ConcurrentDictionary<IPEndPoint, SipConnection> _tlsConnections = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private readonly List<Thread> _readers = [];
    private readonly List<Socket> _udp = [];
    private TcpListener? _tcp;
    private TcpListener? _tlsListener;
    private SipTlsContext? _tls;
    private ISipReceiver? _receiver;

    public IPEndPoint? UdpEndpoint { get; private set; }

    public IPEndPoint? TcpEndpoint { get; private set; }

    /// <summary>The bound TLS address, or null when the switch has no TLS listener.</summary>
    public IPEndPoint? TlsEndpoint { get; private set; }

    /// <summary>Accepted TCP and TLS connections open now.</summary>
    public int AcceptedConnections => _accepted.Total;

    /// <summary>TCP connections closed at once because a limit was reached.</summary>
    public long RefusedConnections => Interlocked.Read(ref _refused);

    private long _refused;

    /// <summary>Longest wait for a TCP connection the switch opens to a phone or trunk.</summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Longest TLS handshake with a phone the switch connects to (it holds the send stage meanwhile).</summary>
    private static readonly TimeSpan ClientHandshakeTimeout = TimeSpan.FromSeconds(2);

    public void Start(IPEndPoint endpoint, ISipReceiver receiver, SipTlsSettings? tls = null)
    {
        _receiver = receiver;
        if (tls is not null)
        {
            // First, so a certificate the TLS stack cannot use fails the start before any socket is bound.
            _tls = new SipTlsContext(tls);
        }

        // Several UDP sockets only on a fixed port: bound to port 0 with SO_REUSEPORT, the kernel may hand out a port
        // another process of the same user already holds with it, and the two would silently share its datagrams.
        var udpSockets = endpoint.Port != 0 && udpReaders > 1 && OperatingSystem.IsLinux() ? udpReaders : 1;
        for (var attempt = 0; ; attempt++)
        {
            var udp = NewUdpSocket(endpoint.AddressFamily, reusePort: udpSockets > 1);
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
            catch (SocketException)
            {
                udp.Dispose();
                throw;
            }

            _udp.Add(udp);
            for (var i = 1; i < udpSockets; i++)
            {
                var more = NewUdpSocket(endpoint.AddressFamily, reusePort: true);
                more.Bind(bound);
                _udp.Add(more);
            }

            _tcp = tcp;
            UdpEndpoint = bound;
            TcpEndpoint = (IPEndPoint)tcp.LocalEndpoint;
            break;
        }

        if (tls is not null)
        {
            _tlsListener = new TcpListener(tls.Endpoint);
            try
            {
                _tlsListener.Start(512);
            }
            catch (SocketException)
            {
                // Nothing runs yet: close what is bound, so a failed start leaves no socket behind.
                _tlsListener = null;
                _tcp!.Stop();
                _udp.ForEach(u => u.Dispose());
                throw;
            }

            TlsEndpoint = (IPEndPoint)_tlsListener.LocalEndpoint;
        }

        for (var i = 0; i < _udp.Count; i++)
        {
            var socket = _udp[i];
            var thread = new Thread(() => UdpReader(socket)) { IsBackground = true, Name = $"sip:udp-reader-{i}" };
            _readers.Add(thread);
            thread.Start();
        }

        _loops.Add(Task.Run(() => AcceptLoopAsync(_tcp!, tls: false, _stop.Token)));
        if (_tlsListener is { } listener)
        {
            _loops.Add(Task.Run(() => AcceptLoopAsync(listener, tls: true, _stop.Token)));
        }
    }

    // A large receive buffer rides out bursts (load tests, floods of junk) instead of dropping datagrams. The receive
    // timeout lets a reader see the stop flag: a blocking receive is not woken by closing its socket everywhere.
    // SO_REUSEPORT (Linux, socket(7)) makes the sockets bound to one port a group the kernel spreads datagrams over by a
    // hash of source and destination, so one peer's datagrams all reach the same socket, in the order they came: a
    // 180 and the 200 right behind it are never swapped, as they are when several threads read one socket.
    private static Socket NewUdpSocket(AddressFamily family, bool reusePort)
    {
        var socket = new Socket(family, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 4 << 20, ReceiveTimeout = 250 };
        if (reusePort)
        {
            const int SolSocket = 1, SoReusePort = 15;
            socket.SetRawSocketOption(SolSocket, SoReusePort, BitConverter.GetBytes(1));
        }

        return socket;
    }

    /// <summary>
    /// One reader thread of the UDP socket: blocking receives into one buffer, the sender's address into one
    /// <see cref="SocketAddress"/>, its <see cref="SipSource"/> from the reader's own cache: nothing is allocated per
    /// datagram from a known peer.
    /// </summary>
    private void UdpReader(Socket udp)
    {
        var buffer = new byte[SipLimits.MaxMessageBytes + 1];
        var address = new SocketAddress(udp.AddressFamily);
        var sources = new UdpSourceCache();
        while (!_stop.IsCancellationRequested)
        {
            int received;
            try
            {
                received = udp.ReceiveFrom(buffer, SocketFlags.None, address);
            }
            catch (SocketException) when (!_stop.IsCancellationRequested)
            {
                continue; // e.g. ICMP port unreachable reported on the socket: not a reason to stop listening.
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            var data = buffer.AsSpan(0, received);
            if (!IsKeepAlive(data))
            {
                _receiver!.OnReceived(data, sources.Get(address));
            }
        }
    }

    private static bool IsKeepAlive(ReadOnlySpan<byte> data) => data.TrimStart("\r\n\0 "u8).IsEmpty;

    private async Task AcceptLoopAsync(TcpListener listener, bool tls, CancellationToken cancel)
    {
        var backoff = TimeSpan.Zero;
        while (!cancel.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(cancel).ConfigureAwait(false);
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
                    Console.Error.WriteLine($"centrex: SIP {(tls ? "TLS" : "TCP")} accept failed ({e.SocketErrorCode}: {e.Message}); backing off");
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
            var connection = new SipConnection(socket, _tcpLimits, tls);
            var connections = tls ? _tlsConnections : _connections;
            connection.Closed += closed =>
            {
                _accepted.Remove(closed.Remote.Address);
                connections.TryRemove(new KeyValuePair<IPEndPoint, SipConnection>(closed.Remote, closed));
            };
            _ = Task.Run(() => ServeAsync(connection, connections, cancel), CancellationToken.None);
        }
    }

    /// <summary>
    /// An accepted connection: its TLS handshake first, if any; then it can be found for sending (not before: nothing may
    /// be written into a handshake under way) and is read until it closes.
    /// </summary>
    private async Task ServeAsync(SipConnection connection, ConcurrentDictionary<IPEndPoint, SipConnection> connections, CancellationToken cancel)
    {
        if (connection.Kind == SipTransportKind.Tls && !await connection.HandshakeAsServerAsync(_tls!.Server, cancel).ConfigureAwait(false))
        {
            return;
        }

        connections[connection.Remote] = connection;
        if (!connection.IsOpen)
        {
            connections.TryRemove(new KeyValuePair<IPEndPoint, SipConnection>(connection.Remote, connection)); // closed meanwhile
            return;
        }

        await connection.ReadLoopAsync(_receiver!, cancel).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a message: over UDP, or over <paramref name="connection"/> when it is open and of <paramref name="kind"/>
    /// (a message meant for TLS never goes over a plain connection), else over a connection to the address.
    /// </summary>
    public bool Send(SipTransportKind kind, IPEndPoint to, ReadOnlySpan<byte> bytes, SipConnection? connection = null)
    {
        try
        {
            if (kind == SipTransportKind.Udp)
            {
                return _udp.Count > 0 && _udp[0].SendTo(bytes, SocketFlags.None, to) == bytes.Length;
            }

            connection = connection is { IsOpen: true } open && open.Kind == kind ? open : Connection(kind, to);
            return connection?.Send(bytes) == true;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>
    /// The open connection of <paramref name="kind"/> to <paramref name="to"/>, or a new one (RFC 3261 §18.2.2: else
    /// open one); null when it cannot be made (or TLS is asked for and the switch has no certificate).
    /// </summary>
    private SipConnection? Connection(SipTransportKind kind, IPEndPoint to)
    {
        var tls = kind == SipTransportKind.Tls;
        var connections = tls ? _tlsConnections : _connections;
        if (connections.TryGetValue(to, out var existing) && existing.IsOpen)
        {
            return existing;
        }

        if (tls && _tls is null)
        {
            return null;
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

        var connection = new SipConnection(socket, _tcpLimits, tls);
        if (tls && !connection.HandshakeAsClient(_tls!.ClientFor(to.Address.ToString()), ClientHandshakeTimeout))
        {
            return null;
        }

        connection.Closed += closed => connections.TryRemove(new KeyValuePair<IPEndPoint, SipConnection>(to, closed));
        connections[to] = connection;
        var cancel = _stop.Token;
        _ = Task.Run(() => connection.ReadLoopAsync(_receiver!, cancel), CancellationToken.None);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        foreach (var udp in _udp)
        {
            udp.Dispose();
        }

        foreach (var reader in _readers)
        {
            reader.Join();
        }

        _tcp?.Stop();
        _tlsListener?.Stop();
        foreach (var connection in _connections.Values.Concat(_tlsConnections.Values))
        {
            connection.Dispose();
        }

        await Task.WhenAll(_loops).ConfigureAwait(false);
        _stop.Dispose();
    }
}
