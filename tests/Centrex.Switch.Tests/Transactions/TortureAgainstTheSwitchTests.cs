using System.Net;
using System.Net.Sockets;
using System.Text;
using Centrex.Switch.Tests.Sip;
using Centrex.Switch.Tests.Support;

namespace Centrex.Switch.Tests.Transactions;

/// <summary>
/// Each RFC 4475 / RFC 5118 message sent alone to the running switch over UDP from 127.0.0.1, and what comes back,
/// as the corpus README says: invalid ones get 400 with the reason (or nothing, when no response can be addressed),
/// well-formed ones to refuse get their status, and nothing valid is ever answered 400. The messages' Vias name
/// hosts without a port, so replies go to the source address at port 5060 (§18.2.2): the test sends from and listens
/// on 127.0.0.1:5060. Each run ends with an OPTIONS on the same socket: the switch reads one socket in order, so its
/// 200 means every reply to the message came first.
/// </summary>
[Collection(RepliesToPort5060.Name)]
public sealed class TortureAgainstTheSwitchTests
{
    [Theory]
    [MemberData(nameof(TortureCorpus.Invalid), MemberType = typeof(TortureCorpus))]
    public async Task InvalidMessage_GetsOnly400WithItsReason(string name, string reason)
    {
        var replies = await SendAlone(name);

        Assert.All(replies, reply => Assert.StartsWith($"SIP/2.0 400 {reason}", reply, StringComparison.Ordinal));
        if (Addressable(name))
        {
            Assert.NotEmpty(replies);
        }
    }

    [Theory]
    [MemberData(nameof(TortureCorpus.Refused), MemberType = typeof(TortureCorpus))]
    public async Task WellFormedMessageToRefuse_GetsItsStatus(string name, int status)
    {
        var replies = await SendAlone(name);

        Assert.Contains(replies, reply => reply.StartsWith($"SIP/2.0 {status} ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TortureCorpus.Valid), MemberType = typeof(TortureCorpus))]
    public async Task ValidMessage_IsNeverAnswered400(string name)
    {
        var replies = await SendAlone(name);

        Assert.DoesNotContain(replies, reply => reply.StartsWith("SIP/2.0 400 ", StringComparison.Ordinal) && !IsRegistrar400(name));
    }

    /// <summary>unksm2 is a REGISTER with an unknown URI scheme in To: a registrar answers it 400 (RFC 4475 §3.3.9).</summary>
    private static bool IsRegistrar400(string name) => name == "unksm2";

    /// <summary>
    /// Whether the 400 comes back here: not for a response (bigcode), a start line that is not a request's (lwsstart,
    /// badvers) or an unreadable Via (badinv01), and not for scalarlg, whose Via already carries received=192.0.2.129:
    /// the reply goes there (§18.2.2).
    /// </summary>
    private static bool Addressable(string name) => name is not ("badinv01" or "bigcode" or "lwsstart" or "badvers" or "scalarlg");

    private static async Task<List<string>> SendAlone(string name)
    {
        await using var fixture = new SwitchFixture(partitions: 1); // one reader, one partition: the probe is answered after the message
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 5060));
        socket.Send(TortureCorpus.Read(name), fixture.Endpoint);
        var local = (IPEndPoint)socket.Client.LocalEndPoint!;
        var sync = Guid.NewGuid().ToString("N");
        socket.Send(Encoding.ASCII.GetBytes(
            $"OPTIONS sip:{SwitchFixture.Realm} SIP/2.0\r\nVia: SIP/2.0/UDP {local};branch=z9hG4bK{sync};rport\r\nMax-Forwards: 70\r\n" +
            $"From: <sip:probe@{SwitchFixture.Realm}>;tag=s\r\nTo: <sip:{SwitchFixture.Realm}>\r\nCall-ID: {sync}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"), fixture.Endpoint);

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30)); // a hang fails, never times
        var replies = new List<string>();
        while (true)
        {
            var text = Encoding.Latin1.GetString((await socket.ReceiveAsync(patience.Token)).Buffer);
            if (text.Contains(sync, StringComparison.Ordinal))
            {
                return replies;
            }

            replies.Add(text);
        }
    }
}
