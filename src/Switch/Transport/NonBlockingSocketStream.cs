using System.Net.Sockets;

namespace Centrex.Switch.Transport;

/// <summary>
/// The stream a TLS connection's <see cref="System.Net.Security.SslStream"/> reads and writes, over a socket in
/// non-blocking mode. <see cref="NetworkStream"/> refuses such a socket, and a blocking one would let a peer that
/// stops reading hold the send stage (the one thread that writes to every socket) on a full send buffer. Here a
/// synchronous write that cannot go out at once fails instead, and the connection is closed, as for TCP
/// (<see cref="SipConnection.Send"/>). Reads, and the handshake's writes, are asynchronous and take a cancellation
/// token, so the connection's timeouts bound them.
/// </summary>
internal sealed class NonBlockingSocketStream(Socket socket) : Stream
{
    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Waits for data (a zero-byte read waits without a buffer, which <c>SslStream</c> passes on while idle).</summary>
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>The handshake's records (the connection's timeouts cancel a peer that does not take them).</summary>
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!buffer.IsEmpty)
        {
            var sent = await socket.SendAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            buffer = buffer[sent..];
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>A record of a message, all at once or an <see cref="IOException"/>: half a record would break the stream.</summary>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var sent = socket.Send(buffer, SocketFlags.None, out var error);
            if (error != SocketError.Success)
            {
                // WouldBlock: the peer's receive window and our send buffer are full, it is not reading.
                throw new IOException($"the peer does not take what is sent ({error})", new SocketException((int)error));
            }

            buffer = buffer[sent..];
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => throw new NotSupportedException("reads are asynchronous only");

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("reads are asynchronous only");

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            socket.Dispose();
        }

        base.Dispose(disposing);
    }
}
