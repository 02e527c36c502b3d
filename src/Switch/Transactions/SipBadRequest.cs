using System.Text;
using Centrex.Switch.Sip;
using Centrex.Switch.Sip.Writing;
using Centrex.Switch.Transport;

namespace Centrex.Switch.Transactions;

/// <summary>
/// The 400 for a message that did not parse (RFC 3261 §21.4.1), when one can be addressed at all: the bytes must
/// look like a request other than ACK and carry a Via line; From, To, Call-ID and CSeq are copied back when present. The reason phrase
/// names what was wrong. Anything else (responses, garbage) is dropped (§18.1.2, RFC 4475 §3.1.2).
/// </summary>
internal static class SipBadRequest
{
    public static byte[]? TryBuild(ReadOnlySpan<byte> data, SipParseError error, SipSource source)
    {
        data = data.TrimStart("\r\n"u8);
        var lf = data.IndexOf((byte)'\n');
        if (lf <= 0 || data.StartsWith("SIP/"u8) || data.StartsWith("ACK "u8))
        {
            return null;
        }

        var sp = data[..lf].IndexOf((byte)' ');
        if (sp <= 0 || !SipChars.All(data[..sp], SipChars.Token))
        {
            return null;
        }

        var b = new SipBuilder(512).StatusLine(400, SipParseErrors.ReasonUtf8(error));
        var found = 0;
        var pos = lf + 1;
        while (pos < data.Length)
        {
            var next = data[pos..].IndexOf((byte)'\n');
            var line = data.Slice(pos, next < 0 ? data.Length - pos : next).TrimEnd((byte)'\r');
            pos += next < 0 ? data.Length : next + 1;
            if (line.IsEmpty)
            {
                break;
            }

            var colon = line.IndexOf((byte)':');
            if (colon <= 0 || SipChars.IsWsp(line[0]))
            {
                continue;
            }

            var kind = SipHeaderNames.Lookup(line[..colon].TrimEnd(" \t"u8));
            var value = line[(colon + 1)..].Trim(" \t"u8);
            if (kind == SipHeaderKind.Via)
            {
                var first = (found & 1) == 0;
                found |= 1;
                b.Raw("Via: "u8).Raw(value);
                if (first)
                {
                    b.Raw(";received="u8).Text(source.Remote.Address.ToString());
                }

                b.Crlf();
            }
            else if (kind is SipHeaderKind.From or SipHeaderKind.To or SipHeaderKind.CallId or SipHeaderKind.CSeq)
            {
                var bit = kind switch { SipHeaderKind.From => 2, SipHeaderKind.To => 4, SipHeaderKind.CallId => 8, _ => 16 };
                if ((found & bit) != 0)
                {
                    continue;
                }

                found |= bit;
                b.Raw(Encoding.ASCII.GetBytes(SipHeaderNames.Display(kind))).Raw(": "u8).Raw(value);
                if (kind == SipHeaderKind.To && value.IndexOf(";tag="u8) < 0)
                {
                    b.Raw(";tag=badrequest"u8);
                }

                b.Crlf();
            }
        }

        // A Via is what addresses a response (§18.2.2); the other four are copied when present, so a request missing
        // one of them (RFC 4475 §3.3.1 insuf) still hears why it was refused instead of retransmitting into silence.
        return (found & 1) != 0 ? b.Raw("Server: Centrex\r\n"u8).Body([]).ToArray() : null;
    }
}
