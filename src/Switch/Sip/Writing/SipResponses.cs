using System.Net;
using Centrex.Switch.Transport;

namespace Centrex.Switch.Sip.Writing;

/// <summary>
/// Responses to a request (RFC 3261 §8.2.6.2): Via headers copied in order, the top one stamped with received and
/// rport (§18.2.1, RFC 3581 §4), From, Call-ID and CSeq copied, To copied with a tag added when the response is not
/// a 100 and the request had none.
/// </summary>
internal static class SipResponses
{
    /// <summary>
    /// The builder <see cref="Simple"/> writes into, one per thread (a partition's, the router's) and reused: a simple
    /// response is copied out of it once, instead of a builder's buffer and the copy per response (100 Trying, the
    /// stateless 407, a BYE's 200: about 2.7 KB of the 7.4 KB a call's transactions allocated, bench/README.md).
    /// </summary>
    [ThreadStatic]
    private static SipBuilder? t_simple;

    public static SipBuilder Start(SipMessage request, SipSource source, int status, string reason, string? toTag) =>
        Write(new SipBuilder(512 + request.Length / 2), request, source, status, reason, toTag);

    private static SipBuilder Write(SipBuilder b, SipMessage request, SipSource source, int status, string reason, string? toTag)
    {
        b.StatusLine(status, reason);
        WriteVias(b, request, source);
        b.Raw("From: "u8).Raw(request[request.Find(SipHeaderKind.From)]).Crlf();
        b.Raw("To: "u8).Raw(request[request.Find(SipHeaderKind.To)]);
        if (request.To.Tag.IsEmpty && status > 100 && toTag is not null)
        {
            b.Raw(";tag="u8).Text(toTag);
        }

        b.Crlf();
        b.Raw("Call-ID: "u8).Raw(request[request.CallId]).Crlf();
        b.Raw("CSeq: "u8).Number(request.CSeq).Raw(" "u8).Raw(request[request.CSeqMethodName]).Crlf();
        return b;
    }

    /// <summary>A complete response without a body.</summary>
    public static byte[] Simple(SipMessage request, SipSource source, int status, string reason, string? toTag, string? extraHeaders = null)
    {
        var b = Write((t_simple ??= new SipBuilder(2048)).Clear(), request, source, status, reason, toTag);
        if (extraHeaders is not null)
        {
            b.Text(extraHeaders);
        }

        b.Raw("Server: Centrex\r\n"u8);
        return b.Body([]).ToArray();
    }

    private static void WriteVias(SipBuilder b, SipMessage request, SipSource source)
    {
        var first = true;
        for (var i = 0; i < request.HeaderCount; i++)
        {
            ref readonly var h = ref request.Header(i);
            if (h.Kind != SipHeaderKind.Via)
            {
                continue;
            }

            b.Raw("Via: "u8);
            if (first)
            {
                first = false;
                WriteTopVia(b, request, source, h.Value);
            }
            else
            {
                b.Raw(request[h.Value]);
            }

            b.Crlf();
        }
    }

    /// <summary>The top via-parm with received and rport filled in, then any further via-parms of that header line.</summary>
    private static void WriteTopVia(SipBuilder b, SipMessage request, SipSource source, TextRange line)
    {
        var via = request.TopVia;
        var whole = via.Whole;
        if (via.HasRport && !via.RportParam.IsEmpty)
        {
            b.Raw(request[new TextRange(whole.Start, via.RportParam.Start - whole.Start)]);
            b.Raw(request[new TextRange(via.RportParam.End, whole.End - via.RportParam.End)]);
            b.Raw(";rport="u8).Number(source.Remote.Port);
        }
        else
        {
            b.Raw(request[whole]);
        }

        if (via.Received.IsEmpty && !SameAddress(request[via.Host], source.Remote.Address))
        {
            b.Raw(";received="u8).Text(source.Remote.Address.ToString());
        }

        b.Raw(request[new TextRange(whole.End, line.End - whole.End)]);
    }

    private static bool SameAddress(ReadOnlySpan<byte> host, IPAddress address) =>
        IPAddress.TryParse(System.Text.Encoding.ASCII.GetString(host), out var parsed) && parsed.Equals(address);
}
