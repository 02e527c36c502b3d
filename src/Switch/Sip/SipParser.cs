using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace Centrex.Switch.Sip;

/// <summary>
/// The message parser (RFC 3261 §7): start line, header lines with folding, then a check of every header the switch
/// relies on, then the body by Content-Length. It reads the message's own buffer and writes only ranges and numbers
/// into it, so parsing allocates nothing once the message's buffers are large enough.
/// </summary>
internal static partial class SipParser
{
    public static SipParseError Parse(SipMessage m)
    {
        ReadOnlySpan<byte> span = m.RawBuffer.AsSpan(0, m.Length);

        // RFC 3261 §7.5: empty lines before the start line are ignored.
        var pos = 0;
        while (pos < span.Length && (span[pos] == (byte)'\r' || span[pos] == (byte)'\n'))
        {
            pos++;
        }

        var lines = new SipLineEnds(span);
        var lineEnd = lines.Next(pos);
        if (lineEnd < 0)
        {
            return span.Length == 0 ? SipParseError.Incomplete : SipParseError.HeadersNotTerminated;
        }

        var error = ParseStartLine(m, span, pos, TrimLineEnd(span, pos, lineEnd));
        if (error != SipParseError.None)
        {
            return error;
        }

        error = ReadHeaderLines(m, span, lineEnd + 1, out var bodyStart);
        if (error != SipParseError.None)
        {
            return error;
        }

        error = CheckHeaders(m, span);
        if (error != SipParseError.None)
        {
            return error;
        }

        // RFC 3261 §18.3: bytes beyond Content-Length are discarded; a Content-Length beyond the datagram is an error.
        var available = span.Length - bodyStart;
        if (m.ContentLength >= 0)
        {
            if (m.ContentLength > available)
            {
                return SipParseError.ContentLengthExceedsMessage;
            }

            m.SetBody(new TextRange(bodyStart, m.ContentLength));
        }
        else
        {
            m.SetBody(new TextRange(bodyStart, available));
        }

        return SipParseError.None;
    }

    private static SipParseError ParseStartLine(SipMessage m, ReadOnlySpan<byte> span, int start, int end)
    {
        // Trailing whitespace on the start line is tolerated (RFC 4475 §3.1.2.9 allows leniency).
        while (end > start && SipChars.IsWsp(span[end - 1]))
        {
            end--;
        }

        var line = span[start..end];

        // A request's method is a token and ends at the first SP, so one pass over it usually finds that SP too.
        var sp1 = SipCharRuns.CountIn(span, start, end, SipChars.Token);
        if (sp1 == 0 || sp1 >= line.Length || line[sp1] != (byte)' ')
        {
            sp1 = line.IndexOf((byte)' ');
            if (sp1 <= 0)
            {
                return SipParseError.BadStartLine;
            }

            if (line.StartsWith("SIP/"u8))
            {
                return ParseStatusLine(m, line, start, sp1);
            }

            return SipParseError.BadMethod; // the first SP is not where the token ends
        }

        var method = line[..sp1];

        var rest = line[(sp1 + 1)..];
        var sp2 = rest.IndexOf((byte)' ');
        if (sp2 <= 0)
        {
            return SipParseError.BadStartLine; // RFC 4475 §3.1.2.8: exactly one SP between elements.
        }

        var version = rest[(sp2 + 1)..];
        if (!SipAscii.IsSipVersion(version))
        {
            if (SipChars.Any(version, SipChars.Space))
            {
                return SipParseError.BadRequestUri; // RFC 4475 §3.1.2.7: whitespace inside the Request-URI.
            }

            return SipParseError.BadVersion;
        }

        var uriRange = new TextRange(start + sp1 + 1, sp2);
        if (SipChars.HasSpace(rest[..sp2]) || !SipUriParser.TryParse(span, uriRange, out m.RequestUriSlot))
        {
            return SipParseError.BadRequestUri;
        }

        m.SetRequestLine(SipMethods.Parse(method), new TextRange(start, sp1));
        return SipParseError.None;
    }

    private static SipParseError ParseStatusLine(SipMessage m, ReadOnlySpan<byte> line, int start, int sp1)
    {
        if (!Ascii.EqualsIgnoreCase(line[..sp1], "SIP/2.0"u8))
        {
            return SipParseError.BadVersion;
        }

        // Status-Code = 3DIGIT (RFC 3261 §25.1), 100 to 699 (§21).
        var rest = line[(sp1 + 1)..];
        if (rest.Length < 3 || (rest.Length > 3 && rest[3] != (byte)' '))
        {
            return SipParseError.BadStatusCode;
        }

        var code = SipNumbers.Parse(rest[..3], 999);
        if (code is < 100 or > 699)
        {
            return SipParseError.BadStatusCode;
        }

        var reasonStart = start + sp1 + 1 + Math.Min(4, rest.Length);
        m.SetStatusLine((int)code, new TextRange(reasonStart, start + line.Length - reasonStart));
        return SipParseError.None;
    }

    /// <summary>
    /// The header lines, one forward pass each: the name (a vectorized token run, which never includes CR or LF),
    /// HCOLON, the value up to the line's LF from <see cref="SipLineEnds"/>'s bit masks, the name's kind. Written as
    /// one loop with its state in locals (the line finder, the header count) so the JIT keeps them in registers.
    /// </summary>
    // Not inlined into Parse: compiled alone, the loop's state stays in registers.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SipParseError ReadHeaderLines(SipMessage m, ReadOnlySpan<byte> span, int pos, out int bodyStart)
    {
        bodyStart = 0;

        // The LF bit mask of the 64-byte block being read (see SipLineEnds), and the header array, held in locals.
        var block = -1;
        var lfMask = 0UL;
        var headers = m.HeaderArray;
        var count = 0;
        while (true)
        {
            if ((uint)pos >= (uint)span.Length)
            {
                return Stop(m, headers, count, SipParseError.HeadersNotTerminated);
            }

            var first = span[pos];
            if (first <= (byte)' ')
            {
                if (first == (byte)'\n' || (first == (byte)'\r' && pos + 1 < span.Length && span[pos + 1] == (byte)'\n'))
                {
                    // The empty line (CRLF, or a bare LF) ends the headers (RFC 3261 §7).
                    bodyStart = pos + (first == (byte)'\n' ? 1 : 2);
                    return Stop(m, headers, count, SipParseError.None);
                }

                if (SipChars.IsWsp(first))
                {
                    // Line folding (RFC 3261 §7.3.1): the value goes on; readers treat the CRLF and WSP as LWS.
                    var foldEnd = SipLineEnds.IndexOfLf(span, pos);
                    if (foldEnd < 0)
                    {
                        return Stop(m, headers, count, SipParseError.HeadersNotTerminated);
                    }

                    if (count == 0)
                    {
                        return Stop(m, headers, count, SipParseError.FoldWithoutHeader);
                    }

                    ref var last = ref headers[count - 1];
                    var valueStart = last.Value.Start;
                    last = last with { Value = new TextRange(valueStart, TrimTrailing(span, pos, TrimLineEnd(span, pos, foldEnd)) - valueStart) };
                    pos = foldEnd + 1;
                    continue;
                }
            }

            // header-name HCOLON, HCOLON = *( SP / HTAB ) ":" SWS (RFC 3261 §25.1): nearly always "Name: ".
            var nameEnd = pos + SipCharRuns.CountIn(span, pos, span.Length, SipChars.Token);
            var start = nameEnd + 1;
            if (nameEnd == pos || (uint)nameEnd >= (uint)span.Length || span[nameEnd] != (byte)':')
            {
                start = AfterSpacedColon(span, pos, nameEnd);
                if (start < 0)
                {
                    return Stop(m, headers, count, BadHeaderLine(span, pos));
                }
            }

            while ((uint)start < (uint)span.Length && SipChars.IsWsp(span[start]))
            {
                start++;
            }

            // The line's LF: the next set bit of the block's mask, or of a later block's.
            var from = start;
            int lf;
            while (true)
            {
                if ((uint)from >= (uint)span.Length)
                {
                    return Stop(m, headers, count, SipParseError.HeadersNotTerminated);
                }

                if ((from & ~63) != block)
                {
                    block = from & ~63;
                    lfMask = SipLineEnds.Mask(span, block);
                }

                var bits = lfMask & (ulong.MaxValue << (from & 63));
                if (bits != 0)
                {
                    lf = block + BitOperations.TrailingZeroCount(bits);
                    break;
                }

                from = block + 64;
            }

            var end = lf > start && span[lf - 1] == (byte)'\r' ? lf - 1 : lf;
            end = TrimTrailing(span, start, end);
            if (count == headers.Length)
            {
                if (count >= SipLimits.MaxHeaders)
                {
                    return Stop(m, headers, count, SipParseError.TooManyHeaders);
                }

                headers = m.GrowHeaders();
            }

            headers[count++] = new SipHeader(SipHeaderNames.LookupAt(span, pos, nameEnd - pos), new TextRange(pos, nameEnd - pos), new TextRange(start, end - start));
            pos = lf + 1;
        }
    }

    /// <summary>
    /// Hands the header lines read so far to the message, on success and on failure alike (a failed parse keeps the
    /// lines before the bad one, for diagnostics).
    /// </summary>
    private static SipParseError Stop(SipMessage m, SipHeader[] headers, int count, SipParseError error)
    {
        m.SetHeaders(headers, count);
        return error;
    }

    /// <summary>
    /// Where the value starts when the name is followed by spaces before its colon (<c>Name : value</c>); -1 when the
    /// line is not a header line at all.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int AfterSpacedColon(ReadOnlySpan<byte> span, int pos, int nameEnd)
    {
        var colon = nameEnd;
        while (colon < span.Length && SipChars.IsWsp(span[colon]))
        {
            colon++;
        }

        return nameEnd == pos || colon >= span.Length || span[colon] != (byte)':' ? -1 : colon + 1;
    }

    /// <summary>Why a line is not <c>name: value</c>; an unterminated line counts first, as the whole header block is then incomplete.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SipParseError BadHeaderLine(ReadOnlySpan<byte> span, int pos)
    {
        var lf = span[pos..].IndexOf((byte)'\n');
        if (lf < 0)
        {
            return SipParseError.HeadersNotTerminated;
        }

        return span.Slice(pos, lf).IndexOf((byte)':') < 0 ? SipParseError.HeaderWithoutColon : SipParseError.BadHeaderName;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int TrimLineEnd(ReadOnlySpan<byte> span, int start, int lineEnd) =>
        lineEnd > start && span[lineEnd - 1] == (byte)'\r' ? lineEnd - 1 : lineEnd;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int TrimTrailing(ReadOnlySpan<byte> span, int start, int end)
    {
        while (end > start && SipChars.IsWsp(span[end - 1]))
        {
            end--;
        }

        return end;
    }
}
