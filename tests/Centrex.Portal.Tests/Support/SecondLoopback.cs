using System.Net;
using System.Net.Sockets;

namespace Centrex.Portal.Tests.Support;

/// <summary>
/// Connections from 127.0.0.2, another loopback source address on Linux: a second client address for tests that tell
/// addresses apart (a trusted proxy, a per-address login throttle) while everything stays on this machine.
/// </summary>
internal static class SecondLoopback
{
    /// <summary>An HttpClient for <paramref name="baseAddress"/> whose connections come from 127.0.0.2.</summary>
    public static HttpClient Client(Uri baseAddress, bool useCookies = true) =>
        new(new SocketsHttpHandler { ConnectCallback = ConnectAsync, UseCookies = useCookies }) { BaseAddress = baseAddress };

    /// <summary>A <see cref="SocketsHttpHandler.ConnectCallback"/> binding the socket to 127.0.0.2 before it connects.</summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancel)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
            await socket.ConnectAsync(context.DnsEndPoint, cancel);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
