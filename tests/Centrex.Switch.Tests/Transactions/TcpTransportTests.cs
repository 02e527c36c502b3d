using System.Net.Sockets;
using System.Text;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Support;

namespace Centrex.Switch.Tests.Transactions;

public class TcpTransportTests
{
    private static string Options(string callId) =>
        "OPTIONS sip:centrex.test SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bK" + callId + "\r\n" +
        "Max-Forwards: 70\r\nFrom: <sip:probe@centrex.test>;tag=p\r\nTo: <sip:centrex.test>\r\n" +
        $"Call-ID: {callId}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";

    [Fact]
    public async Task Tcp_PartialReadsAndTwoMessagesInOneSegment_AreFramedByContentLength()
    {
        await using var fixture = new SwitchFixture();
        using var client = new TcpClient();
        await client.ConnectAsync(fixture.Switch.TcpEndpoint);
        var stream = client.GetStream();
        var one = Encoding.ASCII.GetBytes(Options("one"));

        await stream.WriteAsync(one.AsMemory(0, 40));
        await stream.FlushAsync();
        await stream.WriteAsync(one.AsMemory(40));
        await stream.WriteAsync(Encoding.ASCII.GetBytes(Options("two") + "\r\n\r\n" + Options("three")));

        var ids = new List<string>();
        var buffer = new byte[16384];
        var count = 0;
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (ids.Count < 3)
        {
            count += await stream.ReadAsync(buffer.AsMemory(count), patience.Token);
            while (SipFraming.TryFrame(buffer.AsSpan(0, count), out var skip, out var length, out _) == SipFrameStatus.Message)
            {
                var message = SipMessage.ParseNew(buffer.AsSpan(skip, length), out var error);
                Assert.Equal(SipParseError.None, error);
                Assert.Equal(200, message.StatusCode);
                ids.Add(message.Text(message.CallId));
                Buffer.BlockCopy(buffer, skip + length, buffer, 0, count - skip - length);
                count -= skip + length;
            }
        }

        Assert.Equal(["one", "two", "three"], ids);
    }

    [Fact]
    public async Task Tcp_StreamWithoutContentLength_Gets400AndTheListenerKeepsServing()
    {
        await using var fixture = new SwitchFixture();
        using (var bad = new TcpClient())
        {
            await bad.ConnectAsync(fixture.Switch.TcpEndpoint);
            var stream = bad.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(Options("bad").Replace("Content-Length: 0\r\n", string.Empty)));
            var buffer = new byte[4096];
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var read = await stream.ReadAsync(buffer, patience.Token);
            Assert.StartsWith("SIP/2.0 400 Missing Content-Length on stream transport", Encoding.ASCII.GetString(buffer, 0, read), StringComparison.Ordinal);
        }

        using var good = new TcpClient();
        await good.ConnectAsync(fixture.Switch.TcpEndpoint);
        await good.GetStream().WriteAsync(Encoding.ASCII.GetBytes(Options("good")));
        var reply = new byte[4096];
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var n = await good.GetStream().ReadAsync(reply, wait.Token);
        Assert.StartsWith("SIP/2.0 200 OK", Encoding.ASCII.GetString(reply, 0, n), StringComparison.Ordinal);
    }
}
