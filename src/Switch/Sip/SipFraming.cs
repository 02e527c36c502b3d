namespace Centrex.Switch.Sip;

/// <summary>
/// Message boundaries on a stream transport (RFC 3261 §18.3): the header section ends at the first empty line and
/// Content-Length, which is mandatory on streams, gives the body. Leading CRLFs are keep-alives (RFC 5626 §4.4.1).
/// </summary>
internal static class SipFraming
{
    public static SipFrameStatus TryFrame(ReadOnlySpan<byte> buffer, out int skip, out int length, out SipParseError error)
    {
        skip = 0;
        length = 0;
        error = SipParseError.None;
        while (skip < buffer.Length && (buffer[skip] == (byte)'\r' || buffer[skip] == (byte)'\n'))
        {
            skip++;
        }

        var data = buffer[skip..];
        var headerEnd = data.IndexOf("\r\n\r\n"u8);
        if (headerEnd < 0)
        {
            return Limit(data.Length, ref error);
        }

        var contentLength = -1L;
        var headers = data[..(headerEnd + 2)];
        var firstLine = headers.IndexOf((byte)'\n');
        var pos = firstLine + 1;
        while (pos < headers.Length)
        {
            var lf = headers[pos..].IndexOf((byte)'\n');
            var line = headers.Slice(pos, lf < 0 ? headers.Length - pos : lf).TrimEnd((byte)'\r');
            pos += lf < 0 ? headers.Length : lf + 1;
            var colon = line.IndexOf((byte)':');
            if (colon <= 0 || SipChars.IsWsp(line[0]))
            {
                continue;
            }

            if (SipHeaderNames.Lookup(line[..colon].TrimEnd(" \t"u8)) == SipHeaderKind.ContentLength)
            {
                if (contentLength >= 0)
                {
                    error = SipParseError.DuplicateContentLength;
                    return SipFrameStatus.Error;
                }

                contentLength = SipNumbers.Parse(line[(colon + 1)..].Trim(" \t"u8), SipLimits.MaxMessageBytes);
                if (contentLength < 0)
                {
                    error = SipParseError.BadContentLength;
                    return SipFrameStatus.Error;
                }
            }
        }

        if (contentLength < 0)
        {
            error = SipParseError.MissingContentLength;
            return SipFrameStatus.Error;
        }

        var total = headerEnd + 4 + contentLength;
        if (total > SipLimits.MaxMessageBytes)
        {
            error = SipParseError.MessageTooLarge;
            return SipFrameStatus.Error;
        }

        if (data.Length < total)
        {
            return SipFrameStatus.NeedMore;
        }

        length = (int)total;
        return SipFrameStatus.Message;
    }

    private static SipFrameStatus Limit(int length, ref SipParseError error)
    {
        if (length > SipLimits.MaxMessageBytes)
        {
            error = SipParseError.MessageTooLarge;
            return SipFrameStatus.Error;
        }

        return SipFrameStatus.NeedMore;
    }
}
