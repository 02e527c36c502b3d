using System.Net;
using System.Text;
using Centrex.Switch.Clock;
using Centrex.Switch.Registration;
using Centrex.Switch.Transport;
using NodaTime;

namespace Centrex.Switch.Tests.Authentication;

public class AuthFailureLogTests
{
    [Fact]
    public void Write_IsOneLineInTheFixedFieldOrder()
    {
        var output = new StringWriter();
        var log = new AuthFailureLog(output, new ManualSwitchClock(Instant.FromUtc(2026, 11, 22, 9, 0, 1) + Duration.FromMilliseconds(25)));
        var source = new SipSource(SipTransportKind.Tcp, new IPEndPoint(IPAddress.Parse("2001:db8::7"), 5061), null);

        log.Write(source, "INVITE", "101", "centrex.example", "blocked", Instant.FromUtc(2026, 11, 22, 9, 15, 1));

        Assert.Equal("2026-11-22T09:00:01.025Z centrex: sip-auth-failure ip=2001:db8::7 port=5061 transport=tcp method=INVITE " +
            "user=\"101\" realm=\"centrex.example\" reason=blocked until=2026-11-22T09:15:01.000Z" + Environment.NewLine, output.ToString());
    }

    [Theory]
    [InlineData("", "\"\"")]
    [InlineData("alice@example.com", "\"alice@example.com\"")]
    [InlineData("a\r\n2026-01-01T00:00:00.000Z centrex: sip-auth-failure ip=6.6.6.6", "\"a\\x0D\\x0A2026-01-01T00:00:00.000Z\\x20centrex:\\x20sip-auth-failure\\x20ip\\x3D6.6.6.6\"")]
    [InlineData("q\"b\\s", "\"q\\\"b\\\\s\"")]
    [InlineData("\u0000\u007f\u00e9", "\"\\x00\\x7F\\xC3\\xA9\"")]
    public void Quote_EscapesAnythingThatCouldEndTheLineOrAddAField(string user, string expected)
    {
        var line = new StringBuilder();
        AuthFailureLog.Quote(line, user, 64);

        Assert.Equal(expected, line.ToString());
    }

    [Fact]
    public void Quote_CutsLongValues()
    {
        var line = new StringBuilder();
        AuthFailureLog.Quote(line, new string('a', 100), 64);

        Assert.Equal("\"" + new string('a', 64) + "...\"", line.ToString());
    }
}
