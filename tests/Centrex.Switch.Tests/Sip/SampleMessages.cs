using System.Text;

namespace Centrex.Switch.Tests.Sip;

/// <summary>Typical messages as phones send them.</summary>
public static class SampleMessages
{
    public const string Invite =
        "INVITE sip:1002@switch.example.com SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "To: <sip:1002@switch.example.com>\r\n" +
        "From: \"Alice\" <sip:1001@switch.example.com>;tag=1928301774\r\n" +
        "Call-ID: a84b4c76e66710@pc33.example.com\r\n" +
        "CSeq: 314159 INVITE\r\n" +
        "Contact: <sip:1001@192.0.2.10:5060;transport=udp>\r\n" +
        "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE\r\n" +
        "Supported: replaces, timer\r\n" +
        "User-Agent: Linksys/SPA942-6.1.5a\r\n" +
        "Content-Type: application/sdp\r\n" +
        "Content-Length: 137\r\n" +
        "\r\n" +
        "v=0\r\n" +
        "o=alice 2890844526 2890844526 IN IP4 192.0.2.10\r\n" +
        "s=-\r\n" +
        "c=IN IP4 192.0.2.10\r\n" +
        "t=0 0\r\n" +
        "m=audio 49170 RTP/AVP 0 18\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n";

    public static byte[] InviteBytes => Encoding.ASCII.GetBytes(Invite);
}
