using System.Text;
using Centrex.Switch.Metrics;
using Centrex.Switch.Sip;

namespace Centrex.Switch.Tests.Metrics;

/// <summary>The send stage's reading of what it sends: a request's method, a response's status and CSeq method.</summary>
public sealed class OutgoingMessageKindTests
{
    [Theory]
    [InlineData("INVITE sip:1@x SIP/2.0\r\nCSeq: 1 INVITE\r\n\r\n", "INVITE", 0)]
    [InlineData("BYE sip:1@x SIP/2.0\r\n\r\n", "BYE", 0)]
    [InlineData("FOO sip:1@x SIP/2.0\r\n\r\n", "", 0)]
    [InlineData("SIP/2.0 200 OK\r\nVia: x\r\nCSeq: 2 INVITE\r\nContent-Length: 0\r\n\r\n", "INVITE", 200)]
    [InlineData("SIP/2.0 401 Unauthorized\r\nCSeq: 7 REGISTER\r\n\r\n", "REGISTER", 401)]
    [InlineData("SIP/2.0 400 Bad Request\r\nVia: x\r\n\r\n", "", 400)]
    public void TryRead_ReadsTheMethodAndStatusOfWhatTheSwitchWrites(string message, string method, int status)
    {
        Assert.True(OutgoingMessageKind.TryRead(Encoding.ASCII.GetBytes(message), out var readMethod, out var readStatus));
        Assert.Equal(method, Encoding.ASCII.GetString(SipMethods.Name(readMethod))); // an extension method has no name
        Assert.Equal(status, readStatus);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("SIP/2.0 2x0 OK\r\n\r\n")]
    [InlineData("SIP/2.0 ")]
    public void TryRead_SomethingElse_IsNotCounted(string message) =>
        Assert.False(OutgoingMessageKind.TryRead(Encoding.ASCII.GetBytes(message), out _, out _));

    [Fact]
    public void TryRead_EveryPrefixOfAResponse_NeverThrows()
    {
        var response = Encoding.ASCII.GetBytes("SIP/2.0 180 Ringing\r\nVia: SIP/2.0/UDP 1.2.3.4\r\nCSeq: 12 INVITE\r\nContent-Length: 0\r\n\r\n");
        for (var length = 0; length <= response.Length; length++)
        {
            OutgoingMessageKind.TryRead(response.AsSpan(0, length), out _, out _);
        }
    }
}
