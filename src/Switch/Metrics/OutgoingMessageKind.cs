using Centrex.Switch.Sip;

namespace Centrex.Switch.Metrics;

/// <summary>
/// What an outgoing message is, read from its bytes by the send stage, which has nothing else: a request's method from
/// its start line, a response's status from its start line and its method from the CSeq header. The switch writes
/// every message it sends itself (a B2BUA relays nothing verbatim), always with <c>SIP/2.0</c> and <c>CSeq: </c>
/// spelled so; anything else counts as <see cref="SipMethod.Extension"/> or is not counted. No allocation: spans only.
/// </summary>
internal static class OutgoingMessageKind
{
    /// <summary>Reads <paramref name="message"/>'s kind; false when it is neither a request nor a response.</summary>
    /// <param name="message">The message as sent.</param>
    /// <param name="method">The request's method, or the response's CSeq method.</param>
    /// <param name="status">The response's status code, 0 for a request.</param>
    public static bool TryRead(ReadOnlySpan<byte> message, out SipMethod method, out int status)
    {
        method = SipMethod.None;
        status = 0;
        var space = message.IndexOf((byte)' ');
        if (space <= 0)
        {
            return false;
        }

        if (!message.StartsWith("SIP/2.0 "u8))
        {
            method = SipMethods.Parse(message[..space]);
            return true;
        }

        // "SIP/2.0 " then 3DIGIT (RFC 3261 §25.1).
        if (message.Length < 11 || !IsDigit(message[8]) || !IsDigit(message[9]) || !IsDigit(message[10]))
        {
            return false;
        }

        status = ((message[8] - '0') * 100) + ((message[9] - '0') * 10) + (message[10] - '0');
        method = CSeqMethod(message);
        return true;
    }

    /// <summary>The method of the CSeq header (<c>CSeq: 1 INVITE</c>), or <see cref="SipMethod.Extension"/>.</summary>
    private static SipMethod CSeqMethod(ReadOnlySpan<byte> message)
    {
        var at = message.IndexOf("\nCSeq: "u8);
        if (at < 0)
        {
            return SipMethod.Extension;
        }

        var value = message[(at + 7)..];
        var space = value.IndexOf((byte)' ');
        if (space < 0)
        {
            return SipMethod.Extension;
        }

        value = value[(space + 1)..];
        var end = value.IndexOfAny((byte)'\r', (byte)'\n');
        return SipMethods.Parse(end < 0 ? value : value[..end]);
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
