using System.Buffers.Text;

namespace Centrex.Switch.Media;

/// <summary>
/// Rewrites an SDP body so media comes to the relay: every <c>c=</c> line (session and media level) names the relay's
/// address, the first audio stream's port becomes the relay's, and any other stream is disabled with port 0 (RFC 3264
/// §8.2: the relay carries one audio stream, and a stream it does not carry must not be left pointing at the peer).
/// Other lines, the <c>o=</c> line included, are copied as they are, with their own line endings. No allocation.
/// </summary>
public static class SdpRewriter
{
    /// <summary>Writes the rewritten SDP; false when there is no audio stream or the destination is too small.</summary>
    /// <param name="sdp">The SDP as received.</param>
    /// <param name="addressType"><c>IP4</c> or <c>IP6</c> (RFC 4566 §5.7).</param>
    /// <param name="address">The relay's address as text.</param>
    /// <param name="port">The relay's RTP port for this leg.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="written">Bytes written.</param>
    public static bool TryRewrite(ReadOnlySpan<byte> sdp, ReadOnlySpan<byte> addressType, ReadOnlySpan<byte> address, int port, Span<byte> destination, out int written)
    {
        written = 0;
        if (!SdpReader.TryReadAudio(sdp, out var audio))
        {
            return false;
        }

        var audioLine = audio.Section.Start.Value;
        var output = new SpanOutput(destination);
        var lines = new SdpLines(sdp);
        while (lines.MoveNext())
        {
            var line = lines.Content;
            var ending = sdp[lines.ContentEnd..lines.End];
            switch (lines.Type)
            {
                case (byte)'c':
                    output.Write("c=IN "u8);
                    output.Write(addressType);
                    output.Write(" "u8);
                    output.Write(address);
                    break;
                case (byte)'m':
                    var position = 2;
                    SdpLines.NextToken(line, ref position, out _, out _);
                    SdpLines.NextToken(line, ref position, out var portStart, out var portEnd);
                    output.Write(line[..portStart]);
                    output.WriteNumber(lines.Start == audioLine ? port : 0);
                    output.Write(line[portEnd..]);
                    break;
                default:
                    output.Write(line);
                    break;
            }

            output.Write(ending);
        }

        written = output.Position;
        return !output.Overflowed;
    }

    private ref struct SpanOutput(Span<byte> destination)
    {
        private readonly Span<byte> _destination = destination;

        public int Position { get; private set; }

        public bool Overflowed { get; private set; }

        public void Write(scoped ReadOnlySpan<byte> bytes)
        {
            if (Overflowed || !bytes.TryCopyTo(_destination[Position..]))
            {
                Overflowed = true;
                return;
            }

            Position += bytes.Length;
        }

        public void WriteNumber(int value)
        {
            if (Overflowed || !Utf8Formatter.TryFormat(value, _destination[Position..], out var length))
            {
                Overflowed = true;
                return;
            }

            Position += length;
        }
    }
}
