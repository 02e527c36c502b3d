using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using Centrex.Switch.Calls;
using Centrex.Switch.Sip;
using Centrex.Switch.Sip.Writing;
using Centrex.Switch.Transport;

namespace Centrex.Bench.Switch;

/// <summary>
/// Issue 15's cost per B leg: building the INVITEs a hunt group of three sends for one call (a flow's simultaneous
/// group), from the caller's parsed INVITE, before the stack takes the bytes. Both build the same messages from the same
/// tokens (branch, Call-ID, tag, as <c>PartitionTokens</c> makes them per leg):
/// <list type="bullet">
/// <item><see cref="InterpolatedPerLeg"/> (baseline): what <c>B2bua.SendBInvite</c> did before: per leg, the local
/// address and Contact as new strings, interpolated Via, From and To, a new growing builder, the caller's offer headers
/// looked up by name (an encoded name per unknown header), and the whole message copied out of the builder.</item>
/// <item><see cref="SharedTailPerCall"/>: <see cref="LegInviteWriter"/>: the part every leg shares (Max-Forwards,
/// CSeq, Allow, User-Agent, the offer headers, the SDP) written once per call, each leg's own lines written into one
/// reused builder, the cached address and Contact, and only the array that leaves with the message per leg.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class LegInviteBenchmarks
{
    private const string AllowedMethods = "INVITE, ACK, CANCEL, BYE, OPTIONS, UPDATE, PRACK, REFER";
    private static readonly string[] OfferHeaders = ["Supported", "Require", "Session-Expires", "Min-SE"];
    private static readonly string[] Branches = ["z9hG4bKc01a0000000001", "z9hG4bKc01a0000000002", "z9hG4bKc01a0000000003"];
    private static readonly string[] CallIds = ["c01b0000000001@centrex", "c01b0000000002@centrex", "c01b0000000003@centrex"];
    private static readonly string[] Tags = ["c01c0000000001", "c01c0000000002", "c01c0000000003"];
    private static readonly string[] Targets = ["sip:201@127.0.0.1:5093", "sip:202@127.0.0.1:5094", "sip:203@127.0.0.1:5095"];
    private static readonly string[] Numbers = ["201", "202", "203"];

    private readonly IPEndPoint _local = new(IPAddress.Loopback, 5070);
    private readonly LegInviteWriter _writer = new();
    private SipMessage _caller = null!;
    private ReadOnlyMemory<byte> _offer;
    private string _localText = null!;
    private string _contact = null!;

    [GlobalSetup]
    public void Setup()
    {
        // The caller's INVITE with session timers (RFC 4028): Supported, Session-Expires and Min-SE pass through.
        var invite = Centrex.Switch.Tests.Sip.SampleMessages.Invite.Replace("User-Agent:", "Session-Expires: 1800\r\nMin-SE: 90\r\nUser-Agent:", StringComparison.Ordinal);
        _caller = SipMessage.ParseNew(Encoding.ASCII.GetBytes(invite), out var error);
        if (error != SipParseError.None)
        {
            throw new InvalidOperationException($"the sample INVITE must parse: {error}");
        }

        _offer = _caller[_caller.Body].ToArray();
        _localText = _local.ToString();
        _contact = SipTransportNames.Contact(SipTransportKind.Udp, _local, false);
        var (before, after) = (InterpolatedPerLeg(), SharedTailPerCall());
        for (var i = 0; i < before.Length; i++)
        {
            if (!Lines(before[i]).SequenceEqual(Lines(after[i])))
            {
                throw new InvalidOperationException($"leg {i}: both must write the same message, header order aside");
            }
        }
    }

    [Benchmark(Baseline = true)]
    public byte[][] InterpolatedPerLeg()
    {
        var legs = new byte[3][];
        for (var i = 0; i < legs.Length; i++)
        {
            var a = _caller;
            var local = _local.ToString();
            var display = a.From.DisplayName.IsEmpty ? string.Empty : $"\"{a.Text(a.From.DisplayName)}\" ";
            var from = $"{display}<sip:16045550100@{local}>";
            var bFrom = $"{from};tag={Tags[i]}";
            var bTo = $"<sip:{Numbers[i]}@{local}>";
            var maxForwards = a.MaxForwards > 0 ? a.MaxForwards - 1 : 70;
            var b = new SipBuilder(768 + _offer.Length).RequestLine("INVITE"u8, Targets[i]);
            b.Header("Via"u8, $"SIP/2.0/{SipTransportNames.Via(SipTransportKind.Udp)} {local};branch={Branches[i]};rport");
            b.Raw("Max-Forwards: "u8).Number(maxForwards).Crlf();
            b.Header("From"u8, bFrom).Header("To"u8, bTo).Header("Call-ID"u8, CallIds[i]);
            b.Raw("CSeq: 1 INVITE\r\n"u8);
            b.Header("Contact"u8, SipTransportNames.Contact(SipTransportKind.Udp, _local, false));
            b.Raw("Allow: "u8).Text(AllowedMethods).Raw("\r\nUser-Agent: Centrex\r\n"u8);
            foreach (var name in OfferHeaders)
            {
                CopyHeader(b, a, name);
            }

            b.Body(_offer.Span, "application/sdp");
            legs[i] = b.ToArray();
        }

        return legs;
    }

    [Benchmark]
    public byte[][] SharedTailPerCall()
    {
        var legs = new byte[3][];
        var a = _caller;
        var display = a.From.DisplayName.IsEmpty ? string.Empty : $"\"{a.Text(a.From.DisplayName)}\" ";
        byte[]? tail = null;
        for (var i = 0; i < legs.Length; i++)
        {
            var from = $"{display}<sip:16045550100@{_localText}>";
            var bFrom = string.Concat(from, ";tag=", Tags[i]);
            var bTo = string.Concat("<sip:", Numbers[i], "@", _localText, ">");
            var b = _writer.Begin(Targets[i], SipTransportKind.Udp, _localText, Branches[i], bFrom, bTo, CallIds[i], _contact);
            legs[i] = b.Raw(tail ??= _writer.Tail(a, _offer.Span, "application/sdp")).ToArray();
        }

        return legs;
    }

    private static IEnumerable<string> Lines(byte[] message) => Encoding.ASCII.GetString(message).Split("\r\n").Order(StringComparer.Ordinal);

    // B2bua.CopyHeader and NameIs as they were.
    private static void CopyHeader(SipBuilder builder, SipMessage from, string name)
    {
        for (var i = 0; i < from.HeaderCount; i++)
        {
            ref readonly var header = ref from.Header(i);
            if (NameIs(from, header, name))
            {
                builder.Text(name).Raw(": "u8).Raw(from[header.Value]).Crlf();
            }
        }
    }

    private static bool NameIs(SipMessage message, in SipHeader header, string name)
    {
        var kind = name switch
        {
            "Supported" => SipHeaderKind.Supported,
            "Require" => SipHeaderKind.Require,
            "Session-Expires" => SipHeaderKind.SessionExpires,
            _ => SipHeaderKind.Other,
        };
        return kind != SipHeaderKind.Other ? header.Kind == kind
            : header.Kind == SipHeaderKind.Other && Ascii.EqualsIgnoreCase(message[header.Name], Encoding.ASCII.GetBytes(name));
    }
}
