using System.Text;
using Centrex.Switch.Media;

namespace Centrex.Switch.Tests.Media;

public sealed class SdpReaderTests
{
    // RFC 4317 §2.1 style offer: session-level c=, audio and video streams.
    private const string Offer =
        "v=0\r\no=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com\r\ns=\r\n" +
        "c=IN IP4 host.atlanta.example.com\r\nt=0 0\r\n" +
        "m=audio 49170 RTP/AVP 0 8 97\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:97 iLBC/8000\r\n" +
        "m=video 51372 RTP/AVP 31 32\r\na=rtpmap:31 H261/90000\r\na=rtpmap:32 MPV/90000\r\n";

    [Fact]
    public void TryReadAudio_Rfc4317Offer_ReadsPortPayloadTypesAndSessionConnection()
    {
        var sdp = Encoding.ASCII.GetBytes(Offer);
        Assert.True(SdpReader.TryReadAudio(sdp, out var audio));
        Assert.Equal(49170, audio.Port);
        Assert.Equal([0, 8, 97], Enumerable.Range(0, audio.PayloadTypeCount).Select(audio.PayloadType));
        Assert.Equal("host.atlanta.example.com", Encoding.ASCII.GetString(sdp[audio.ConnectionAddress]));
        Assert.Equal("49170", Encoding.ASCII.GetString(sdp[audio.PortField]));
        Assert.StartsWith("m=audio", Encoding.ASCII.GetString(sdp[audio.Section]), StringComparison.Ordinal);
        Assert.DoesNotContain("m=video", Encoding.ASCII.GetString(sdp[audio.Section]), StringComparison.Ordinal);
    }

    [Fact]
    public void TryGetEncoding_DynamicTypeFromRtpmap_StaticTypeFromRfc3551()
    {
        var sdp = Encoding.ASCII.GetBytes(Offer.Replace("a=rtpmap:0 PCMU/8000\r\n", string.Empty, StringComparison.Ordinal));
        Assert.True(SdpReader.TryReadAudio(sdp, out var audio));
        Assert.True(SdpReader.TryGetEncoding(sdp, audio, 97, out var name, out var rate));
        Assert.Equal("iLBC/8000", Encoding.ASCII.GetString(name) + "/" + rate);
        Assert.True(SdpReader.TryGetEncoding(sdp, audio, 0, out name, out rate));
        Assert.Equal("PCMU/8000", Encoding.ASCII.GetString(name) + "/" + rate);
        Assert.False(SdpReader.TryGetEncoding(sdp, audio, 31, out _, out _)); // video's type, outside the audio section
    }

    [Fact]
    public void TryReadAudio_MediaLevelConnectionWinsAndTtlIsCut_LfOnlyAccepted()
    {
        var sdp = "v=0\nc=IN IP4 192.0.2.1\nm=video 5000 RTP/AVP 96\nc=IN IP4 192.0.2.99\nm=audio 6000/2 RTP/AVP 8\nc=IN IP4 224.2.1.1/127\n"u8;
        Assert.True(SdpReader.TryReadAudio(sdp, out var audio));
        Assert.Equal(6000, audio.Port);
        Assert.Equal("224.2.1.1", Encoding.ASCII.GetString(sdp[audio.ConnectionAddress]));
    }

    [Fact]
    public void TryReadAudio_Ipv6Connection()
    {
        var sdp = "v=0\r\nc=IN IP6 2001:db8::1\r\nm=audio 7000 RTP/AVP 0\r\n"u8;
        Assert.True(SdpReader.TryReadAudio(sdp, out var audio));
        Assert.Equal("2001:db8::1", Encoding.ASCII.GetString(sdp[audio.ConnectionAddress]));
    }

    [Theory]
    [InlineData("v=0\r\nm=video 5000 RTP/AVP 96\r\n")]
    [InlineData("v=0\r\nm=audio port RTP/AVP 0\r\n")]
    [InlineData("v=0\r\nm=audio 70000 RTP/AVP 0\r\n")]
    [InlineData("v=0\r\nm=audio 5000\r\n")]
    [InlineData("")]
    [InlineData("garbage")]
    public void TryReadAudio_NoOrBadAudioLine_False(string sdp) =>
        Assert.False(SdpReader.TryReadAudio(Encoding.ASCII.GetBytes(sdp), out _));

    [Fact]
    public void TryReadAudio_EveryPrefixOfAnOffer_NeverThrows()
    {
        var sdp = Encoding.ASCII.GetBytes(Offer);
        for (var i = 0; i <= sdp.Length; i++)
        {
            if (SdpReader.TryReadAudio(sdp.AsSpan(0, i), out var audio))
            {
                for (var p = 0; p < audio.PayloadTypeCount; p++)
                {
                    SdpReader.TryGetEncoding(sdp.AsSpan(0, i), audio, audio.PayloadType(p), out _, out _);
                }
            }
        }
    }

    [Fact]
    public void TryReadAudio_AllocatesNothing()
    {
        var sdp = Encoding.ASCII.GetBytes(Offer);
        SdpReader.TryReadAudio(sdp, out _);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            SdpReader.TryReadAudio(sdp, out var audio);
            SdpReader.TryGetEncoding(sdp, audio, 97, out _, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
