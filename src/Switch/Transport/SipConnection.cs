using System.Net;
using System.Net.Sockets;
using Centrex.Switch.Sip;

namespace Centrex.Switch.Transport;

/// <summary>
/// One TCP connection: reads a byte stream, frames messages by Content-Length (RFC 3261 §18.3) across partial reads
/// and several messages per segment, and sends whole messages under a lock.
/// </summary>
internal sealed class SipConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly object _sendLock = new();
    private byte[] _buffer = new byte[8192];
    private int _count;

    public SipConnection(Socket socket)
    {
        _socket = socket;
        Remote = (IPEndPoint)socket.RemoteEndPoint!;
    }

    public IPEndPoint Remote { get; }

    public bool IsOpen { get; private set; } = true;

    public async Task ReadLoopAsync(ISipMessageSink sink, CancellationToken cancel)
    {
        var source = new SipSource(SipTransportKind.Tcp, Remote, this);
        try
        {
            while (!cancel.IsCancellationRequested)
            {
                if (_count == _buffer.Length)
                {
                    Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, SipLimits.MaxMessageBytes + 4096));
                }

                var read = await _socket.ReceiveAsync(_buffer.AsMemory(_count), SocketFlags.None, cancel).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }

                _count += read;
                if (!Drain(sink, source))
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer went away or the switch is stopping: the connection just ends.
        }
        finally
        {
            Dispose();
        }
    }

    /// <summary>Hands every complete message in the buffer to the sink; false when framing is lost (connection must close).</summary>
    private bool Drain(ISipMessageSink sink, SipSource source)
    {
        var offset = 0;
        try
        {
            while (offset < _count)
            {
                var status = SipFraming.TryFrame(_buffer.AsSpan(offset, _count - offset), out var skip, out var length, out var error);
                if (status == SipFrameStatus.NeedMore)
                {
                    offset += skip;
                    break;
                }

                var start = offset + skip;
                if (status == SipFrameStatus.Error)
                {
                    sink.OnMalformed(_buffer.AsSpan(start, _count - start), error, source);
                    return false;
                }

                var message = SipMessage.ParseNew(_buffer.AsSpan(start, length), out var parseError);
                if (parseError == SipParseError.None)
                {
                    sink.OnMessage(message, source);
                }
                else
                {
                    sink.OnMalformed(_buffer.AsSpan(start, length), parseError, source);
                }

                offset = start + length;
            }
        }
        finally
        {
            Buffer.BlockCopy(_buffer, offset, _buffer, 0, _count - offset);
            _count -= offset;
        }

        return true;
    }

    public bool Send(ReadOnlySpan<byte> bytes)
    {
        lock (_sendLock)
        {
            try
            {
                while (!bytes.IsEmpty)
                {
                    var sent = _socket.Send(bytes);
                    bytes = bytes[sent..];
                }

                return true;
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                IsOpen = false;
                return false;
            }
        }
    }

    public void Dispose()
    {
        IsOpen = false;
        _socket.Dispose();
    }
}
