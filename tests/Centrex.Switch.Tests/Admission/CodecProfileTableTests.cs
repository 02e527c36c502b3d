using System.Text;
using Centrex.Rating.Csv;
using Centrex.Switch.Admission;

namespace Centrex.Switch.Tests.Admission;

public sealed class CodecProfileTableTests
{
    private const string Offer =
        "v=0\r\no=alice 2890844526 2890844526 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n" +
        "m=audio 49170 RTP/AVP 18 0 101\r\na=rtpmap:18 G729/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\n";

    [Theory]
    [InlineData("PCMU", 8000, 160, 20)]
    [InlineData("PCMA", 8000, 160, 20)]
    [InlineData("G722", 8000, 160, 20)]
    [InlineData("G729", 8000, 20, 20)]
    [InlineData("GSM", 8000, 33, 20)]
    [InlineData("iLBC", 8000, 50, 30)]
    [InlineData("opus", 48000, 80, 20)]
    [InlineData("G726-32", 8000, 80, 20)]
    public void Default_ShippedFigures_FollowTheDocumentedDerivation(string encoding, int clockRate, int payloadBytes, int ptimeMs)
    {
        // (payload + 12 RTP + 8 UDP + 20 IPv4 + 18 Ethernet) bytes × 8 bits × packets per second.
        var expected = (payloadBytes + 58) * 8 * 1000 / ptimeMs;
        Assert.Equal(0, (payloadBytes + 58) * 8 * 1000 % ptimeMs);
        Assert.Equal(expected, CodecProfileTable.Default.Find(Encoding.ASCII.GetBytes(encoding), clockRate)?.BandwidthBps);
    }

    [Fact]
    public void Default_G711Is87Point2AndG729Is31Point2Kbps()
    {
        Assert.Equal(87_200, CodecProfileTable.Default.Find("pcmu"u8, 8000)!.BandwidthBps);
        Assert.Equal(31_200, CodecProfileTable.Default.Find("G729"u8, 8000)!.BandwidthBps);
        Assert.Null(CodecProfileTable.Default.Find("G729"u8, 16000));
        Assert.Equal(87_200, CodecProfileTable.Default.UnknownCodecBps);
    }

    [Fact]
    public void OfferBandwidth_ReservesTheCostliestOfferedCodec_StaticTypesWithoutRtpmap()
    {
        Assert.Equal(87_200, CodecProfileTable.Default.OfferBandwidthBps(Encoding.ASCII.GetBytes(Offer)));
        var g729Only = Offer.Replace("18 0 101", "18 101", StringComparison.Ordinal);
        Assert.Equal(31_200, CodecProfileTable.Default.OfferBandwidthBps(Encoding.ASCII.GetBytes(g729Only)));
    }

    [Fact]
    public void OfferBandwidth_UnknownCodecCountsAsTheCostliest_NoAudioCountsZero()
    {
        var unknown = Offer.Replace("18 0 101", "96", StringComparison.Ordinal) + "a=rtpmap:96 SPEEX/8000\r\n";
        Assert.Equal(87_200, CodecProfileTable.Default.OfferBandwidthBps(Encoding.ASCII.GetBytes(unknown)));
        var disabled = Offer.Replace("m=audio 49170", "m=audio 0", StringComparison.Ordinal);
        Assert.Equal(0, CodecProfileTable.Default.OfferBandwidthBps(Encoding.ASCII.GetBytes(disabled)));
        Assert.Equal(0, CodecProfileTable.Default.OfferBandwidthBps("v=0\r\nm=video 5000 RTP/AVP 96\r\n"u8));
    }

    [Fact]
    public void OfferBandwidth_AllocatesNothing()
    {
        var offer = Encoding.ASCII.GetBytes(Offer);
        CodecProfileTable.Default.OfferBandwidthBps(offer);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            CodecProfileTable.Default.OfferBandwidthBps(offer);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Negotiated_AnswerWithG729AndDtmf_ReportsG729AndItsBandwidth()
    {
        var answer = "v=0\r\nc=IN IP4 198.51.100.7\r\nm=audio 3456 RTP/AVP 18 101\r\na=rtpmap:101 telephone-event/8000\r\n";
        Assert.Equal(new NegotiatedCodec("G729", 31_200), CodecProfileTable.Default.Negotiated(Encoding.ASCII.GetBytes(answer)));
    }

    [Fact]
    public void Negotiated_DynamicOpus_UsesTheRtpmapName()
    {
        var answer = "v=0\nc=IN IP4 198.51.100.7\nm=audio 3456 RTP/AVP 111\na=rtpmap:111 OPUS/48000/2\n";
        Assert.Equal(new NegotiatedCodec("opus", 55_200), CodecProfileTable.Default.Negotiated(Encoding.ASCII.GetBytes(answer)));
    }

    [Fact]
    public void Parse_OperatorTable_ReplacesTheFigures()
    {
        var table = CodecProfileTable.Parse("encoding,clock_rate,kbps\nPCMU,8000,80\nG729,8000,24.4\nAMR-WB,16000,41.125\n"u8, "mine.csv");
        Assert.Equal(80_000, table.Find("PCMU"u8, 8000)!.BandwidthBps);
        Assert.Equal(24_400, table.Find("G729"u8, 8000)!.BandwidthBps);
        Assert.Equal(41_125, table.Find("amr-wb"u8, 16000)!.BandwidthBps);
        Assert.Equal(80_000, table.UnknownCodecBps);
    }

    [Theory]
    [InlineData("encoding,clock_rate,kbps\nPCMU,8000,87.2345\n", "kbps")]
    [InlineData("encoding,clock_rate,kbps\nPCMU,0,87.2\n", "clock_rate")]
    [InlineData("encoding,clock_rate,kbps\nPCMU/8000,8000,87.2\n", "encoding")]
    [InlineData("encoding,clock_rate,kbps\nPCMU,8000,87.2\npcmu,8000,80\n", "encoding")]
    [InlineData("encoding,clock_rate,kbps\nPCMU,8000,-1\n", "kbps")]
    [InlineData("encoding,clock_rate,kbps\nPCMU,8000,3000000\n", "kbps")]
    public void Parse_BadRow_NamesTheField(string content, string field)
    {
        var error = Assert.Throws<CsvFormatException>(() => CodecProfileTable.Parse(Encoding.UTF8.GetBytes(content), "bad.csv"));
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }
}
