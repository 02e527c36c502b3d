using System.Text;
using Centrex.Switch.Media;

namespace Centrex.Switch.Tests.Media;

public sealed class SdpRewriterTests
{
    private const string Offer =
        "v=0\r\no=alice 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n" +
        "m=audio 49170/2 RTP/AVP 0 8\r\nc=IN IP4 192.0.2.11/127\r\na=rtpmap:0 PCMU/8000\r\n" +
        "m=video 51372 RTP/AVP 31\r\na=rtpmap:31 H261/90000\r\n";

    [Fact]
    public void TryRewrite_EveryConnectionAndTheAudioPort_OtherStreamsDisabled()
    {
        var buffer = new byte[1024];
        Assert.True(SdpRewriter.TryRewrite(Encoding.ASCII.GetBytes(Offer), "IP4"u8, "203.0.113.5"u8, 30000, buffer, out var written));
        Assert.Equal(
            "v=0\r\no=alice 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 203.0.113.5\r\nt=0 0\r\n" +
            "m=audio 30000 RTP/AVP 0 8\r\nc=IN IP4 203.0.113.5\r\na=rtpmap:0 PCMU/8000\r\n" +
            "m=video 0 RTP/AVP 31\r\na=rtpmap:31 H261/90000\r\n",
            Encoding.ASCII.GetString(buffer, 0, written));
    }

    [Fact]
    public void TryRewrite_Ipv6RelayAndLfEndings()
    {
        var sdp = "v=0\nc=IN IP4 192.0.2.1\nm=audio 4000 RTP/AVP 0\n"u8;
        var buffer = new byte[256];
        Assert.True(SdpRewriter.TryRewrite(sdp, "IP6"u8, "2001:db8::5"u8, 4002, buffer, out var written));
        Assert.Equal("v=0\nc=IN IP6 2001:db8::5\nm=audio 4002 RTP/AVP 0\n", Encoding.ASCII.GetString(buffer, 0, written));
    }

    [Fact]
    public void TryRewrite_DestinationTooSmall_FalseForEverySizeBelowTheNeed()
    {
        var sdp = Encoding.ASCII.GetBytes(Offer);
        var full = new byte[1024];
        Assert.True(SdpRewriter.TryRewrite(sdp, "IP4"u8, "203.0.113.5"u8, 30000, full, out var needed));
        for (var size = 0; size < needed; size++)
        {
            Assert.False(SdpRewriter.TryRewrite(sdp, "IP4"u8, "203.0.113.5"u8, 30000, new byte[size], out _));
        }
    }

    [Fact]
    public void TryRewrite_AllocatesNothing()
    {
        var sdp = Encoding.ASCII.GetBytes(Offer);
        var buffer = new byte[1024];
        SdpRewriter.TryRewrite(sdp, "IP4"u8, "203.0.113.5"u8, 30000, buffer, out _);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            SdpRewriter.TryRewrite(sdp, "IP4"u8, "203.0.113.5"u8, 30000, buffer, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
