using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Centrex.Switch.Sip;

namespace Centrex.Switch.Transport;

/// <summary>
/// One TCP or TLS connection: reads a byte stream, frames messages by Content-Length (RFC 3261 §18.3) across partial
/// reads and several messages per segment, and sends whole messages under a lock. It holds no buffer while idle (it
/// waits for data with a zero-byte receive and rents one when bytes arrive), closes itself on the timeouts of
/// <see cref="TcpLimits"/>, and never blocks a sender: a peer that stops reading until its socket buffer is full is
/// disconnected instead of stalling the switch behind it. Over TLS (§26.2.1) the same happens above an
/// <see cref="SslStream"/> whose handshake comes first (<see cref="HandshakeAsServerAsync"/>, <see cref="HandshakeAsClient"/>).
/// </summary>
internal sealed class SipConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly SslStream? _tls;
    private readonly TcpLimits _limits;
    private readonly object _sendLock = new();
    private readonly long _opened = Stopwatch.GetTimestamp();
    private byte[]? _buffer;
    private int _count;
    private bool _sawMessage;
    private long _partialSince;
    private int _disposed;
    private readonly TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A connection on <paramref name="socket"/>; with <paramref name="tls"/>, a TLS one whose handshake is still to do.</summary>
    public SipConnection(Socket socket, TcpLimits limits, bool tls = false)
    {
        _socket = socket;
        _limits = limits;
        Remote = (IPEndPoint)socket.RemoteEndPoint!;

        // Sends fail with WouldBlock instead of waiting (see Send); receives are asynchronous either way.
        _socket.Blocking = false;
        if (tls)
        {
            _tls = new SslStream(new NonBlockingSocketStream(socket), leaveInnerStreamOpen: false);
        }
    }

    public IPEndPoint Remote { get; }

    /// <summary><see cref="SipTransportKind.Tcp"/> or <see cref="SipTransportKind.Tls"/>.</summary>
    public SipTransportKind Kind => _tls is null ? SipTransportKind.Tcp : SipTransportKind.Tls;

    public bool IsOpen => Volatile.Read(ref _disposed) == 0;

    /// <summary>Raised once when the connection closes, whoever closed it.</summary>
    public event Action<SipConnection>? Closed;

    /// <summary>
    /// The server side of the TLS handshake of an accepted connection, within <see cref="TcpLimits.Handshake"/>: a
    /// client that never finishes it (or speaks something else) is closed. False (and closed) when it failed.
    /// </summary>
    public async Task<bool> HandshakeAsServerAsync(SslServerAuthenticationOptions options, CancellationToken cancel)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(_limits.Handshake);
        try
        {
            await _tls!.AuthenticateAsServerAsync(options, deadline.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Timed out, not TLS, an old protocol version, no common cipher suite: whatever the client sent, it ends here.
            Dispose();
            return false;
        }
    }

    /// <summary>
    /// The client side of the handshake, for a connection the switch opened to a phone; it runs on the send stage, so
    /// it waits at most <paramref name="timeout"/>. False (and closed) when it failed.
    /// </summary>
    public bool HandshakeAsClient(SslClientAuthenticationOptions options, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            _tls!.AuthenticateAsClientAsync(options, deadline.Token).Wait(deadline.Token);
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Dispose();
            return false;
        }
    }

    public async Task ReadLoopAsync(ISipReceiver receiver, CancellationToken cancel)
    {
        var source = new SipSource(Kind, Remote, this);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        try
        {
            while (!cancel.IsCancellationRequested)
            {
                deadline.CancelAfter(Remaining());
                if (_count == 0)
                {
                    // Idle: wait until the peer sends something without holding a buffer for it.
                    await ReceiveAsync(Memory<byte>.Empty, deadline.Token).ConfigureAwait(false);
                }

                EnsureRoom();
                var read = await ReceiveAsync(_buffer.AsMemory(_count), deadline.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }

                if (_count == 0)
                {
                    _partialSince = Stopwatch.GetTimestamp();
                }

                _count += read;
                if (!Drain(receiver, source))
                {
                    // Framing is lost: the 400 for it goes out through the send stage, then the connection closes
                    // (a second at most, for when the bytes could not be answered at all).
                    await Task.WhenAny(_answered.Task, Task.Delay(TimeSpan.FromSeconds(1), cancel)).ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer went away, a timeout passed, TLS records did not decrypt, or the switch is stopping: the
            // connection just ends.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Anything else is a bug: the connection ends, and it must not end silently.
            Console.Error.WriteLine($"centrex: SIP {SipTransportNames.Via(Kind)} connection from {Remote} closed on an error: {e.GetType().Name}: {e.Message}");
        }
        finally
        {
            Dispose();
        }
    }

    /// <summary>
    /// Bytes from the socket, or decrypted from it. A zero-byte read waits for data without a buffer either way
    /// (<see cref="SslStream"/> passes it on to the socket when it has nothing decrypted left).
    /// </summary>
    private ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancel) =>
        _tls is null ? _socket.ReceiveAsync(buffer, SocketFlags.None, cancel) : _tls.ReadAsync(buffer, cancel);

    /// <summary>How long the next receive may wait: for the message under way, the first message, or any activity.</summary>
    private TimeSpan Remaining()
    {
        var left = _count > 0 ? _limits.PartialMessage - Stopwatch.GetElapsedTime(_partialSince)
            : !_sawMessage ? _limits.FirstMessage - Stopwatch.GetElapsedTime(_opened)
            : _limits.Idle;
        return left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1);
    }

    /// <summary>A buffer with room to receive into: rented when idle, grown (up to one message) when full.</summary>
    private void EnsureRoom()
    {
        if (_buffer is null)
        {
            _buffer = ArrayPool<byte>.Shared.Rent(8192);
            return;
        }

        if (_count == _buffer.Length)
        {
            var grown = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, SipLimits.MaxMessageBytes + 4096));
            _buffer.AsSpan(0, _count).CopyTo(grown);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = grown;
        }
    }

    /// <summary>Hands every complete message in the buffer to the receiver; false when framing is lost (connection must close).</summary>
    private bool Drain(ISipReceiver receiver, SipSource source)
    {
        var buffer = _buffer!;
        var offset = 0;
        try
        {
            while (offset < _count)
            {
                var status = SipFraming.TryFrame(buffer.AsSpan(offset, _count - offset), out var skip, out var length, out var error);
                if (status == SipFrameStatus.NeedMore)
                {
                    offset += skip;
                    break;
                }

                var start = offset + skip;
                if (status == SipFrameStatus.Error)
                {
                    receiver.OnUnframed(buffer.AsSpan(start, _count - start), error, source);
                    return false;
                }

                _sawMessage = true;
                receiver.OnReceived(buffer.AsSpan(start, length), source);

                offset = start + length;
            }
        }
        finally
        {
            Buffer.BlockCopy(buffer, offset, buffer, 0, _count - offset);
            _count -= offset;
            if (_count == 0)
            {
                // Nothing pending (keepalives included): give the buffer back, and the next byte starts a new message.
                ArrayPool<byte>.Shared.Return(buffer);
                _buffer = null;
            }
            else if (offset > 0)
            {
                _partialSince = Stopwatch.GetTimestamp(); // what is left is the start of the next message
            }
        }

        return true;
    }

    /// <summary>Sends a whole message, or closes the connection: a message half sent would break the stream's framing.</summary>
    public bool Send(ReadOnlySpan<byte> bytes)
    {
        lock (_sendLock)
        {
            try
            {
                if (_tls is not null)
                {
                    // Encrypted record by record into NonBlockingSocketStream, which throws rather than wait.
                    _tls.Write(bytes);
                    bytes = default;
                }

                while (!bytes.IsEmpty)
                {
                    var sent = _socket.Send(bytes, SocketFlags.None, out var error);
                    if (error != SocketError.Success)
                    {
                        // WouldBlock: the peer's receive window and our send buffer are full, it is not reading.
                        Dispose();
                        return false;
                    }

                    bytes = bytes[sent..];
                }

                _answered.TrySetResult();
                return true;
            }
            catch (Exception e) when (e is IOException or SocketException or NotSupportedException or InvalidOperationException)
            {
                // TLS: the peer is not reading, the connection broke, or its stream is no longer usable.
                Dispose();
                return false;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _tls?.Dispose();
        _socket.Dispose();
        Closed?.Invoke(this);
    }
}
