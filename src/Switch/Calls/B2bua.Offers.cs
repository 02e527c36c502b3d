using System.Text;
using Centrex.Switch.Sip;
using Centrex.Switch.Sip.Writing;
using Centrex.Switch.Transactions;
using Centrex.Switch.Transport;

namespace Centrex.Switch.Calls;

/// <summary>
/// Offers and answers after the call is up, passed between the two dialogs: a re-INVITE or UPDATE from either party
/// (hold and resume, codec changes, session refresh, RFC 3261 §14, RFC 3311, RFC 4028) goes to the other party in its
/// dialog with the SDP rewritten for the media path, and its answer comes back on the transaction it came on. One at a
/// time per call: a second while one is pending gets 491 (glare, §14.1). A PRACK for a reliable provisional
/// (RFC 3262) goes the same way; reliable provisionals themselves pass through with their RSeq, so the two phones
/// retransmit and acknowledge them end to end.
/// </summary>
internal sealed partial class B2bua
{
    /// <summary>What the switch's responses and target-refresh requests say it allows (§20.5).</summary>
    internal const string AllowedMethods = "INVITE, ACK, CANCEL, BYE, OPTIONS, UPDATE, PRACK, REFER";

    /// <summary>Headers an offer or answer carries across: session timers (RFC 4028), option tags.</summary>
    private static readonly string[] OfferHeaders = ["Supported", "Require", "Session-Expires", "Min-SE"];

    /// <summary>A re-INVITE or UPDATE inside an established call.</summary>
    private void OnInDialogOffer(ServerTransaction transaction)
    {
        var request = transaction.Request;
        if (!TryFindDialog(transaction, out var call, out var fromCaller))
        {
            return;
        }

        if (call.State != CallState.Answered || call.Feature is not null || call.BRemoteTag.Length == 0)
        {
            // Before the answer there is no session to change here (an early UPDATE, RFC 3311 §5.1, is not relayed).
            transaction.Respond(491, "Request Pending", "Retry-After: 1\r\n");
            return;
        }

        if (call.Parked is not null)
        {
            transaction.Respond(488, "Not Acceptable Here: the call is parked"); // nobody on the other side to answer the offer
            return;
        }

        if (call.PendingOffer is not null || call.ReInviteFinal?.AwaitingAck is not null)
        {
            transaction.Respond(491, "Request Pending"); // §14.1: an offer is already under way in this call
            return;
        }

        var relay = new RelayedRequest(call, transaction, fromCaller)
        {
            LateOffer = request.Method == SipMethod.Invite && request.Body.IsEmpty,
        };
        call.PendingOffer = relay;
        SendRelayed(relay, request.Method == SipMethod.Invite ? "INVITE" : "UPDATE", request, null);
    }

    /// <summary>A PRACK from the caller for a reliable provisional the callee sent: to the callee, in its early dialog.</summary>
    private void OnPrack(ServerTransaction transaction)
    {
        if (!TryFindDialog(transaction, out var call, out var fromCaller))
        {
            return;
        }

        var rack = Header(transaction.Request, "RAck");
        var rseq = rack.IndexOf((byte)' ') is var space and > 0 ? rack[..space] : rack;
        if (!fromCaller || call.BEarlyTag.Length == 0 || call.BInvite is null || rseq.IsEmpty)
        {
            transaction.Respond(481, "Call/Transaction Does Not Exist"); // §8.2.2.2 of RFC 3262: no such provisional
            return;
        }

        // RAck names the response by its RSeq and the INVITE's CSeq on the callee's leg (RFC 3262 §7.2).
        var relayedRack = $"RAck: {Encoding.ASCII.GetString(rseq)} {call.BInvite.CSeq} INVITE\r\n";
        SendRelayed(new RelayedRequest(call, transaction, true), "PRACK", transaction.Request, relayedRack);
    }

    /// <summary>The relayed request, built in the other party's dialog, with the SDP rewritten for it.</summary>
    private void SendRelayed(RelayedRequest relay, string method, SipMessage request, string? extra)
    {
        var call = relay.Call;
        var body = request.Body.IsEmpty ? ReadOnlyMemory<byte>.Empty : Rewrite(call, relay.FromCaller, request[request.Body].ToArray());
        var branch = _stack.NewBranch();
        var headers = new StringBuilder(extra);
        foreach (var name in OfferHeaders)
        {
            AppendHeader(headers, request, name);
        }

        if (relay.FromCaller)
        {
            var toTag = method == "PRACK" ? call.BEarlyTag : call.BRemoteTag;
            var bytes = BuildBRequest(call, method, ++call.BLocalCSeq, branch, toTag, headers.ToString(), body);
            _stack.SendRequest(bytes, branch, call.BKind, call.BDestination!, call.BConnection, this, relay);
        }
        else
        {
            var bytes = BuildARequest(call, method, ++call.ALocalCSeq, branch, headers.ToString(), body);
            _stack.SendRequest(bytes, branch, call.ASource.Kind, call.ASource.Remote, call.ASource.Connection, this, relay);
        }
    }

    /// <summary>The other party's response to a relayed request goes back on the transaction the request came on.</summary>
    private void OnRelayedResponse(RelayedRequest relay, ClientTransaction transaction, SipMessage response)
    {
        var call = relay.Call;
        var status = response.StatusCode;
        var invite = transaction.Method == SipMethod.Invite;
        if (status < 200 || call.State == CallState.Ended)
        {
            return; // provisionals to a re-INVITE are hop by hop (§14.2); a call that ended has nothing to update
        }

        if (invite && status < 300)
        {
            if (relay.Ack is { } again)
            {
                _stack.Metrics.CountRetransmissionSent(request: true);
                Send(transaction, again); // a retransmitted 2xx: our ACK was lost (§13.2.2.4)
                return;
            }

            if (response.HasContact && !response.ContactIsStar)
            {
                SetRemoteTarget(call, !relay.FromCaller, response.Text(response.Contact.Uri.Whole)); // §12.2.1.2: target refresh
            }

            if (!relay.LateOffer)
            {
                relay.Ack = AckFor(relay, transaction, ReadOnlyMemory<byte>.Empty);
                Send(transaction, relay.Ack);
            }
        }

        if (ReferenceEquals(call.PendingOffer, relay))
        {
            call.PendingOffer = null;
        }

        var origin = relay.Origin;
        var answer = response.Body.IsEmpty ? ReadOnlyMemory<byte>.Empty : Rewrite(call, !relay.FromCaller, response[response.Body].ToArray());
        var builder = origin.Begin(status, response.Text(response.ReasonPhrase));
        if (status < 300)
        {
            builder.Header("Contact"u8, OurContact(origin.Source.Kind, relay.FromCaller ? AIsSips(call) : BIsSips(call)));
            builder.Raw("Allow: "u8).Text(AllowedMethods).Crlf();
        }

        foreach (var name in OfferHeaders)
        {
            CopyHeader(builder, response, name);
        }

        var bytes = builder.Body(answer.Span, answer.IsEmpty ? null : "application/sdp").ToArray();
        if (invite && status < 300)
        {
            SendReInviteFinal(call, relay, bytes);
        }
        else
        {
            origin.Send(bytes, status);
        }
    }

    /// <summary>A relayed request got no final response (Timer B or F, or the transport failed): the sender hears 408.</summary>
    private void OnRelayedTimeout(RelayedRequest relay)
    {
        if (ReferenceEquals(relay.Call.PendingOffer, relay))
        {
            relay.Call.PendingOffer = null;
        }

        relay.Origin.Respond(408, "Request Timeout");
    }

    /// <summary>The 2xx to a re-INVITE, retransmitted over UDP until its ACK (§13.3.1.4).</summary>
    private void SendReInviteFinal(Call call, RelayedRequest relay, byte[] bytes)
    {
        call.ReInviteFinal?.Timer.Cancel();
        var final = new UasFinal(bytes, relay.Origin.Request.CSeq, relay.FromCaller)
        {
            AwaitingAck = relay.LateOffer ? relay : null, Call = call, Relay = relay, Timers = this,
        };
        call.ReInviteFinal = final;
        if (relay.Origin.Source.Kind == SipTransportKind.Udp)
        {
            final.Interval = SipTimerValues.T1;
            final.Timer = _stack.StartTimer(final.Interval, final, 0);
        }

        relay.Origin.Send(bytes, 200);
    }

    void ICallTimers.OnReInviteFinalTimer(UasFinal final)
    {
        if (final.Call is not { } call || final.Relay is not { } relay || !ReferenceEquals(call.ReInviteFinal, final) || call.State == CallState.Ended)
        {
            return;
        }

        final.Elapsed += final.Interval;
        if (final.Elapsed >= SipTimerValues.Timeout)
        {
            call.ReInviteFinal = null; // §13.3.1.4: no ACK in 64*T1; the session keeps its previous state
            return;
        }

        _stack.Metrics.CountRetransmissionSent(request: false);
        relay.Origin.Send(final.Bytes, 200);
        final.Interval = NodaTime.Duration.Min(final.Interval * 2, SipTimerValues.T2);
        final.Timer = _stack.StartTimer(final.Interval, final, 0);
    }

    /// <summary>
    /// The ACK for a 2xx the switch sent to a re-INVITE: stops its retransmission; for a late offer, carries the answer
    /// on to the party that made the offer in its 2xx.
    /// </summary>
    private bool TryAckReInvite(Call call, SipMessage ack, bool fromCaller)
    {
        if (call.ReInviteFinal is not { } final || final.ToCaller != fromCaller || final.CSeq != ack.CSeq)
        {
            return false;
        }

        final.Timer.Cancel();
        call.ReInviteFinal = null;
        if (final.AwaitingAck is { } relay && relay.Ack is null)
        {
            var answer = ack.Body.IsEmpty ? ReadOnlyMemory<byte>.Empty : Rewrite(call, fromCaller, ack[ack.Body].ToArray());
            relay.Ack = AckFor(relay, null, answer);
            SendToOther(call, fromCaller, relay.Ack);
        }

        return true;
    }

    /// <summary>The dialog a request belongs to: the call, and whether the caller sent it; answered 481 when there is none.</summary>
    private bool TryFindDialog(ServerTransaction transaction, out Call call, out bool fromCaller)
    {
        var callId = transaction.Request.Text(transaction.Request.CallId);
        if (!_calls.TryGetValue(callId, out call!) || call.State == CallState.Ended)
        {
            transaction.Respond(481, "Call/Transaction Does Not Exist");
            fromCaller = false;
            return false;
        }

        fromCaller = callId == call.Info.SipCallId;
        return true;
    }

    /// <summary>SDP from one party as the other should see it (through the relay, when media is relayed).</summary>
    private static ReadOnlyMemory<byte> Rewrite(Call call, bool fromCaller, ReadOnlyMemory<byte> sdp) =>
        call.Media is not { } media ? sdp : fromCaller ? media.RewriteOffer(sdp) : media.RewriteAnswer(sdp);

    /// <summary>The ACK for the other party's 2xx to a relayed re-INVITE: same CSeq number, our own branch (§13.2.2.4).</summary>
    private byte[] AckFor(RelayedRequest relay, ClientTransaction? transaction, ReadOnlyMemory<byte> body)
    {
        var call = relay.Call;
        var cseq = relay.FromCaller ? call.BLocalCSeq : call.ALocalCSeq;
        return relay.FromCaller
            ? BuildBRequest(call, "ACK", cseq, _stack.NewBranch(), call.BRemoteTag, null, body)
            : BuildARequest(call, "ACK", cseq, _stack.NewBranch(), null, body);
    }

    private void Send(ClientTransaction transaction, byte[] bytes) => _stack.Send(transaction.Kind, transaction.Destination, bytes, transaction.Connection);

    private void SendToOther(Call call, bool fromCaller, byte[] bytes)
    {
        if (fromCaller)
        {
            _stack.Send(call.BKind, call.BDestination!, bytes, call.BConnection);
        }
        else
        {
            _stack.Send(call.ASource.Kind, call.ASource.Remote, bytes, call.ASource.Connection);
        }
    }

    private static void SetRemoteTarget(Call call, bool caller, string target)
    {
        if (caller)
        {
            call.ARemoteTarget = target;
        }
        else
        {
            call.BRemoteTarget = target;
        }
    }

    /// <summary>The value of the first header named <paramref name="name"/> (case-insensitive), or empty.</summary>
    private static ReadOnlySpan<byte> Header(SipMessage message, string name)
    {
        for (var i = 0; i < message.HeaderCount; i++)
        {
            ref readonly var header = ref message.Header(i);
            if (NameIs(message, header, name))
            {
                return message[header.Value];
            }
        }

        return default;
    }

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

    private static void AppendHeader(StringBuilder headers, SipMessage from, string name)
    {
        for (var i = 0; i < from.HeaderCount; i++)
        {
            ref readonly var header = ref from.Header(i);
            if (NameIs(from, header, name))
            {
                headers.Append(name).Append(": ").Append(from.Text(header.Value)).Append("\r\n");
            }
        }
    }

    /// <summary>Whether <paramref name="header"/> is <paramref name="name"/>, by its full or compact form (§7.3.3).</summary>
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
