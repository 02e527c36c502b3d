using System.Text;
using Centrex.Switch.Sip;
using Centrex.Switch.Sip.Writing;
using Centrex.Switch.Transport;

namespace Centrex.Switch.Calls;

/// <summary>
/// Writes the INVITEs the switch sends to callees (a plain call's B leg, every leg a flow, forwarding or hunt group
/// rings) into one builder reused for every message of its partition, so a message costs the one array that leaves
/// with it (its transaction keeps it for retransmission) and no growing buffer or interpolated header strings.
/// <para>
/// A call that rings several legs sends them the same INVITE but for its first lines: the part that is the same for
/// all of them (Max-Forwards, CSeq, Allow, User-Agent, the caller's offer headers and the SDP) is written once per call
/// by <see cref="Tail"/> and copied into each leg's message after the lines only that leg has (Request-URI, Via
/// branch, From tag, To, Call-ID, Contact). Header order is free but for Via (RFC 3261 §7.3.1), so the shared part
/// goes last. Owned by one partition's thread, like the B2BUA that holds it.
/// </para>
/// </summary>
internal sealed class LegInviteWriter
{
    /// <summary>Headers an offer carries across from the caller's INVITE: session timers (RFC 4028), option tags.</summary>
    private static readonly (SipHeaderKind Kind, byte[] Name)[] OfferHeaders =
    [
        (SipHeaderKind.Supported, "Supported"u8.ToArray()),
        (SipHeaderKind.Require, "Require"u8.ToArray()),
        (SipHeaderKind.SessionExpires, "Session-Expires"u8.ToArray()),
        (SipHeaderKind.Other, "Min-SE"u8.ToArray()),
    ];

    private static readonly byte[] Allow = Encoding.ASCII.GetBytes($"Allow: {B2bua.AllowedMethods}\r\nUser-Agent: Centrex\r\n");

    private readonly SipBuilder _message = new(2048);
    private readonly SipBuilder _shared = new(2048);

    /// <summary>
    /// Starts a leg's INVITE in the reused builder: request line, Via, From, To, Call-ID and Contact. The caller adds
    /// the lines of its own (identity, emergency, alert), then the shared part (<see cref="Tail"/>) or
    /// <see cref="WriteTail"/>, then takes the bytes with <see cref="SipBuilder.ToArray"/> before the next message.
    /// </summary>
    public SipBuilder Begin(string requestUri, SipTransportKind kind, string local, string branch, string from, string to, string callId,
        string contact)
    {
        var b = _message.Clear().RequestLine("INVITE"u8, requestUri);
        WriteVia(b, kind, local, branch);
        b.Header("From"u8, from).Header("To"u8, to).Header("Call-ID"u8, callId);
        return b.Header("Contact"u8, contact);
    }

    /// <summary>The part of an INVITE every leg of one call shares, as bytes to keep with the call (once per call).</summary>
    public byte[] Tail(SipMessage caller, ReadOnlySpan<byte> offer, string? contentType) =>
        WriteTail(_shared.Clear(), caller, offer, contentType).ToArray();

    /// <summary>
    /// Max-Forwards (the caller's less one, RFC 3261 §16.6 step 3 in spirit), CSeq, Allow, User-Agent, the caller's
    /// session-timer and option-tag headers (the two phones' business: they pass through), and the body.
    /// </summary>
    public static SipBuilder WriteTail(SipBuilder b, SipMessage caller, ReadOnlySpan<byte> offer, string? contentType)
    {
        var maxForwards = caller.MaxForwards > 0 ? caller.MaxForwards - 1 : 70;
        b.Raw("Max-Forwards: "u8).Number(maxForwards).Crlf();
        b.Raw("CSeq: 1 INVITE\r\n"u8);
        b.Raw(Allow);
        foreach (var (kind, name) in OfferHeaders)
        {
            for (var i = 0; i < caller.HeaderCount; i++)
            {
                ref readonly var header = ref caller.Header(i);
                if (header.Kind == kind && (kind != SipHeaderKind.Other || Ascii.EqualsIgnoreCase(caller[header.Name], name)))
                {
                    b.Raw(name).Raw(": "u8).Raw(caller[header.Value]).Crlf();
                }
            }
        }

        return b.Body(offer, contentType);
    }

    /// <summary>A Via of the switch's own: its transport, address, the branch, and rport (RFC 3581).</summary>
    public static SipBuilder WriteVia(SipBuilder b, SipTransportKind kind, string local, string branch) =>
        b.Raw("Via: SIP/2.0/"u8).Text(SipTransportNames.Via(kind)).Raw(" "u8).Text(local).Raw(";branch="u8).Text(branch).Raw(";rport\r\n"u8);
}
