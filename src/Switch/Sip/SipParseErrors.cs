using System.Text;

namespace Centrex.Switch.Sip;

/// <summary>The reason phrase a 400 carries for each parse error (RFC 3261 §21.4.1: the phrase says what was wrong).</summary>
internal static class SipParseErrors
{
    private static readonly byte[][] _utf8 = BuildUtf8();

    public static string Reason(SipParseError error) => error switch
    {
        SipParseError.None => "OK",
        SipParseError.Incomplete => "Incomplete message",
        SipParseError.MessageTooLarge => "Message too large",
        SipParseError.TooManyHeaders => "Too many header fields",
        SipParseError.BadStartLine => "Malformed start line",
        SipParseError.BadMethod => "Malformed method",
        SipParseError.BadRequestUri => "Malformed Request-URI",
        SipParseError.BadVersion => "Unsupported SIP version",
        SipParseError.BadStatusCode => "Malformed status code",
        SipParseError.HeadersNotTerminated => "Header section not terminated",
        SipParseError.BadHeaderName => "Malformed header name",
        SipParseError.HeaderWithoutColon => "Header line without colon",
        SipParseError.FoldWithoutHeader => "Continuation line without header",
        SipParseError.BadVia => "Malformed Via header",
        SipParseError.ViaVersion => "Unsupported SIP version in Via header",
        SipParseError.BadFrom => "Malformed From header",
        SipParseError.BadTo => "Malformed To header",
        SipParseError.BadContact => "Malformed Contact header",
        SipParseError.BadCallId => "Malformed Call-ID header",
        SipParseError.BadCSeq => "Malformed CSeq header",
        SipParseError.CSeqOutOfRange => "CSeq number out of range",
        SipParseError.CSeqMethodMismatch => "CSeq method does not match request method",
        SipParseError.BadMaxForwards => "Malformed Max-Forwards header",
        SipParseError.BadContentLength => "Malformed Content-Length header",
        SipParseError.ContentLengthExceedsMessage => "Content-Length larger than message",
        SipParseError.MissingContentLength => "Missing Content-Length on stream transport",
        SipParseError.DuplicateFrom => "Duplicate From header",
        SipParseError.DuplicateTo => "Duplicate To header",
        SipParseError.DuplicateCallId => "Duplicate Call-ID header",
        SipParseError.DuplicateCSeq => "Duplicate CSeq header",
        SipParseError.DuplicateMaxForwards => "Duplicate Max-Forwards header",
        SipParseError.DuplicateContentLength => "Duplicate Content-Length header",
        SipParseError.DuplicateContentType => "Duplicate Content-Type header",
        SipParseError.MissingVia => "Missing Via header",
        SipParseError.MissingFrom => "Missing From header",
        SipParseError.MissingTo => "Missing To header",
        SipParseError.MissingCallId => "Missing Call-ID header",
        SipParseError.MissingCSeq => "Missing CSeq header",
        SipParseError.BadExpires => "Malformed Expires header",
        _ => "Bad Request",
    };

    /// <summary>The reason phrase as UTF-8 bytes, cached, for writing the 400 without allocating.</summary>
    public static ReadOnlySpan<byte> ReasonUtf8(SipParseError error) => _utf8[(int)error];

    private static byte[][] BuildUtf8()
    {
        var values = Enum.GetValues<SipParseError>();
        var table = new byte[values.Length][];
        foreach (var value in values)
        {
            table[(int)value] = Encoding.UTF8.GetBytes(Reason(value));
        }

        return table;
    }
}
