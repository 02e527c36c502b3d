using System.Net;
using System.Net.Sockets;
using System.Text;
using Centrex.Switch.Media;
using Centrex.Switch.Tests.Support;

namespace Centrex.Switch.Tests.Media;

/// <summary>The relay with real UDP sockets on loopback. Waits are for packets, guarded only against a hang.</summary>
public sealed class RelayMediaCoreTests : IDisposable
{
    private readonly CancellationTokenSource _guard = new(TimeSpan.FromSeconds(30));
    private readonly RelayMediaCore _core;
    private readonly int _first;

    public RelayMediaCoreTests()
    {
        _first = UdpParty.FreeRange(8);
        _core = new RelayMediaCore(new MediaOptions(MediaMode.Relay, IPAddress.Loopback, _first, _first + 7));
    }

    public void Dispose()
    {
        _core.Dispose();
        _guard.Dispose();
    }

    private static (string Sdp, SdpAudio Audio) Rewritten(Span<byte> buffer, int written)
    {
        var bytes = buffer[..written].ToArray();
        Assert.True(SdpReader.TryReadAudio(bytes, out var audio));
        Assert.Equal("127.0.0.1", Encoding.ASCII.GetString(bytes[audio.ConnectionAddress]));
        return (Encoding.ASCII.GetString(bytes), audio);
    }

    [Fact]
    public async Task OfferAnswerBridge_RelaysBothWaysFromThePortEachPartySendsTo()
    {
        using var caller = new UdpParty();
        using var callee = new UdpParty();
        Assert.True(_core.TryOpen("call-1", out var session, out _));
        using (session)
        {
            var buffer = new byte[1024];
            Assert.True(session.TryRewriteOffer(Encoding.ASCII.GetBytes(caller.Sdp()), buffer, out var written));
            var (_, toCallee) = Rewritten(buffer, written);
            Assert.True(session.TryRewriteAnswer(Encoding.ASCII.GetBytes(callee.Sdp()), buffer, out written));
            var (_, toCaller) = Rewritten(buffer, written);
            Assert.NotEqual(toCallee.Port, toCaller.Port);
            Assert.InRange(toCallee.Port, _first, _first + 7);
            Assert.Equal(0, toCallee.Port % 2);
            Assert.Equal(MediaResult.Ok, session.Bridge());

            caller.SendTo(toCaller.Port, "hello"u8.ToArray());
            var (payload, from) = await callee.ReceiveAsync(_guard.Token);
            Assert.Equal("hello", Encoding.ASCII.GetString(payload));
            Assert.Equal(toCallee.Port, from);

            callee.SendTo(toCallee.Port, "world"u8.ToArray());
            (payload, from) = await caller.ReceiveAsync(_guard.Token);
            Assert.Equal("world", Encoding.ASCII.GetString(payload));
            Assert.Equal(toCaller.Port, from);
        }
    }

    [Fact]
    public async Task CallerBehindNat_AdvertisesAnUnreachablePort_LatchedOnItsFirstPacket()
    {
        using var caller = new UdpParty();
        using var callee = new UdpParty();
        using var nowhere = new UdpParty(); // the port the caller's SDP names: nobody reads it
        Assert.True(_core.TryOpen("call-2", out var session, out _));
        using (session)
        {
            var buffer = new byte[1024];
            Assert.True(session.TryRewriteOffer(Encoding.ASCII.GetBytes(caller.Sdp(advertisedPort: nowhere.Port)), buffer, out var written));
            var (_, toCallee) = Rewritten(buffer, written);
            Assert.True(session.TryRewriteAnswer(Encoding.ASCII.GetBytes(callee.Sdp()), buffer, out written));
            var (_, toCaller) = Rewritten(buffer, written);
            session.Bridge();

            caller.SendTo(toCaller.Port, "from-nat"u8.ToArray());
            Assert.Equal("from-nat", Encoding.ASCII.GetString((await callee.ReceiveAsync(_guard.Token)).Payload));

            // The caller's packet reached the callee, so the relay latched the caller's real address first.
            callee.SendTo(toCallee.Port, "back"u8.ToArray());
            Assert.Equal("back", Encoding.ASCII.GetString((await caller.ReceiveAsync(_guard.Token)).Payload));
        }
    }

    [Fact]
    public void TryOpen_BindsBothRtpAndRtcpPortsOfEachPair()
    {
        Assert.True(_core.TryOpen("call-3", out var session, out _));
        using (session)
        {
            var relay = (RelaySession)session;
            foreach (var port in new[] { relay.CallerSidePort, relay.CallerSidePort + 1, relay.CalleeSidePort, relay.CalleeSidePort + 1 })
            {
                using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                var error = Assert.Throws<SocketException>(() => probe.Bind(new IPEndPoint(IPAddress.Loopback, port)));
                Assert.Equal(SocketError.AddressAlreadyInUse, error.SocketErrorCode);
            }
        }
    }

    [Fact]
    public void TryOpen_RangeExhausted_RefusesWithTheRangeThenCloseGivesThePortsBack()
    {
        Assert.Equal(4, _core.PairCapacity);
        Assert.True(_core.TryOpen("a", out var first, out _));
        Assert.True(_core.TryOpen("b", out var second, out _));
        Assert.False(_core.TryOpen("c", out _, out var error));
        Assert.Equal($"no free media port pair in 127.0.0.1:{_first}-{_first + 7}", error);

        first.Dispose();
        first.Dispose(); // idempotent
        Assert.Equal(MediaResult.Closed, first.Bridge());
        Assert.True(_core.TryOpen("c", out var third, out _));
        second.Dispose();
        third.Dispose();
    }

    [Fact]
    public void PlayPrompt_NotSupportedYet()
    {
        Assert.True(_core.TryOpen("p", out var session, out _));
        using (session)
        {
            Assert.Equal(MediaResult.NotSupported, session.PlayPrompt("welcome", CallLeg.Caller));
        }
    }

    [Fact]
    public void RewriteOffer_NoAudio_False()
    {
        Assert.True(_core.TryOpen("v", out var session, out _));
        using (session)
        {
            Assert.False(session.TryRewriteOffer("v=0\r\nm=video 5000 RTP/AVP 96\r\n"u8, new byte[256], out _));
        }
    }

    [Fact]
    public void Factory_DirectMode_LeavesSdpByteForByte()
    {
        using var core = MediaCoreFactory.Create(new MediaOptions(MediaMode.Direct));
        Assert.Equal(MediaMode.Direct, core.Mode);
        Assert.True(core.TryOpen("d", out var session, out _));
        using (session)
        {
            var sdp = "v=0\r\nc=IN IP4 192.0.2.1\r\nm=audio 4000 RTP/AVP 0\r\n"u8.ToArray();
            var buffer = new byte[256];
            Assert.True(session.TryRewriteOffer(sdp, buffer, out var written));
            Assert.Equal(sdp, buffer[..written]);
            Assert.True(session.TryRewriteAnswer(sdp, buffer, out written));
            Assert.Equal(sdp, buffer[..written]);
            Assert.False(session.TryRewriteOffer(sdp, new byte[3], out _));
            Assert.Equal(MediaResult.NotSupported, session.PlayPrompt("x", CallLeg.Callee));
        }
    }
}
