namespace Centrex.Switch.Media;

/// <summary>
/// Reads what call control needs from an SDP body without allocating: the first audio stream's port, payload types
/// and connection address (RFC 4566 §5.7, §5.14), and its <c>a=rtpmap</c> entries (RFC 4566 §6). Only the first
/// <c>m=audio</c> stream is considered; the switch relays one audio stream per call.
/// </summary>
public static class SdpReader
{
    /// <summary>Finds the first audio stream. Returns false when there is none or its m= line is malformed.</summary>
    public static bool TryReadAudio(ReadOnlySpan<byte> sdp, out SdpAudio audio)
    {
        audio = default;
        Range session = default;
        Range media = default;
        var seenMedia = false;
        var inAudio = false;
        var lines = new SdpLines(sdp);
        while (lines.MoveNext())
        {
            var type = lines.Type;
            if (type == (byte)'m')
            {
                if (inAudio)
                {
                    audio.Section = new Range(audio.Section.Start, lines.Start);
                    break;
                }

                seenMedia = true;
                if (lines.Content[2..].StartsWith("audio "u8))
                {
                    if (!TryReadMediaLine(lines.Content, lines.Start, ref audio))
                    {
                        audio = default;
                        return false;
                    }

                    inAudio = true;
                    audio.Section = new Range(lines.Start, sdp.Length);
                }
            }
            else if (type == (byte)'c' && (!seenMedia || inAudio) && TryReadConnection(lines.Content, lines.Start, out var address))
            {
                if (inAudio)
                {
                    media = address;
                }
                else
                {
                    session = address;
                }
            }
        }

        if (!inAudio)
        {
            audio = default;
            return false;
        }

        audio.ConnectionAddress = media.End.Value > 0 ? media : session;
        return true;
    }

    /// <summary>
    /// The encoding name and clock rate a payload type stands for in the audio stream: its <c>a=rtpmap</c> line
    /// (<c>a=rtpmap:97 opus/48000/2</c>), else the static assignment of RFC 3551 §6, Table 4.
    /// </summary>
    /// <param name="sdp">The SDP body <paramref name="audio"/> was read from.</param>
    /// <param name="audio">Its audio stream.</param>
    /// <param name="payloadType">The payload type.</param>
    /// <param name="encoding">The encoding name (a view into <paramref name="sdp"/> or a constant).</param>
    /// <param name="clockRate">The clock rate in Hz.</param>
    public static bool TryGetEncoding(ReadOnlySpan<byte> sdp, in SdpAudio audio, int payloadType, out ReadOnlySpan<byte> encoding, out int clockRate)
    {
        var section = sdp[audio.Section];
        var lines = new SdpLines(section);
        while (lines.MoveNext())
        {
            var line = lines.Content;
            if (lines.Type != (byte)'a' || !line[2..].StartsWith("rtpmap:"u8))
            {
                continue;
            }

            var position = 9;
            if (!SdpLines.NextToken(line, ref position, out var ptStart, out var ptEnd)
                || SdpLines.ParseNumber(line[ptStart..ptEnd]) != payloadType
                || !SdpLines.NextToken(line, ref position, out var start, out var end))
            {
                continue;
            }

            var map = line[start..end];
            var slash = map.IndexOf((byte)'/');
            if (slash <= 0)
            {
                continue;
            }

            var rest = map[(slash + 1)..];
            var channels = rest.IndexOf((byte)'/');
            clockRate = SdpLines.ParseNumber(channels < 0 ? rest : rest[..channels]);
            if (clockRate <= 0)
            {
                continue;
            }

            encoding = map[..slash];
            return true;
        }

        return StaticPayloadTypes.TryGet(payloadType, out encoding, out clockRate);
    }

    private static bool TryReadMediaLine(ReadOnlySpan<byte> line, int offset, ref SdpAudio audio)
    {
        // m=<media> <port>[/<number of ports>] <proto> <fmt> ... (RFC 4566 §5.14)
        var position = 2;
        if (!SdpLines.NextToken(line, ref position, out _, out _)
            || !SdpLines.NextToken(line, ref position, out var portStart, out var portEnd)
            || !SdpLines.NextToken(line, ref position, out _, out _))
        {
            return false;
        }

        var portField = line[portStart..portEnd];
        var slash = portField.IndexOf((byte)'/');
        var port = SdpLines.ParseNumber(slash < 0 ? portField : portField[..slash]);
        if (port is < 0 or > 65535)
        {
            return false;
        }

        audio.Port = port;
        audio.PortField = new Range(offset + portStart, offset + portStart + (slash < 0 ? portField.Length : slash));
        while (SdpLines.NextToken(line, ref position, out var start, out var end))
        {
            var payloadType = SdpLines.ParseNumber(line[start..end]);
            if (payloadType is >= 0 and <= 127)
            {
                audio.AddPayloadType(payloadType);
            }
        }

        return true;
    }

    private static bool TryReadConnection(ReadOnlySpan<byte> line, int offset, out Range address)
    {
        // c=<nettype> <addrtype> <connection-address>[/ttl][/count] (RFC 4566 §5.7)
        address = default;
        var position = 2;
        if (!SdpLines.NextToken(line, ref position, out _, out _)
            || !SdpLines.NextToken(line, ref position, out _, out _)
            || !SdpLines.NextToken(line, ref position, out var start, out var end))
        {
            return false;
        }

        var slash = line[start..end].IndexOf((byte)'/');
        address = new Range(offset + start, offset + (slash < 0 ? end : start + slash));
        return true;
    }
}
