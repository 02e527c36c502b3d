using Centrex.Switch.Sip;
using Centrex.Switch.Transport;

namespace Centrex.Switch.Transactions;

/// <summary>Receiving: matching requests and responses to transactions (RFC 3261 §17.1.3, §17.2.3), CANCEL (§9.2).</summary>
internal sealed partial class SipStack
{
    public void OnMessage(SipMessage message, SipSource source)
    {
        lock (Gate)
        {
            if (message.IsRequest)
            {
                OnRequest(message, source);
            }
            else
            {
                OnResponse(message, source);
            }
        }
    }

    public void OnMalformed(ReadOnlySpan<byte> data, SipParseError error, SipSource source)
    {
        lock (Gate)
        {
            MalformedCount++;
            var response = SipBadRequest.TryBuild(data, error, source);
            if (response is not null)
            {
                _transports.Send(source.Kind, source.Remote, response, source.Connection);
            }
        }
    }

    private void OnRequest(SipMessage request, SipSource source)
    {
        if (Core.IsBlocked(source))
        {
            return; // dropped, whatever it is: the source is blocked (the core logged once when the block started)
        }

        var method = request.Method;
        if (method == SipMethod.Ack)
        {
            // An ACK for a non-2xx response belongs to the INVITE transaction; any other ACK is the dialog's (§17.2.3).
            // The ACK for a response sent statelessly has no transaction: its To tag says so, and it ends here (§8.2.7).
            if (_servers.TryGetValue(TransactionKeys.Server(request, SipMethod.Invite), out var invite) && invite.State is TransactionState.Completed or TransactionState.Confirmed)
            {
                invite.OnAck();
            }
            else if (!_statelessTags.Matches(request))
            {
                Core.OnAck(request, source);
            }

            return;
        }

        var key = TransactionKeys.Server(request, method);
        if (_servers.TryGetValue(key, out var existing))
        {
            existing.OnRetransmission();
            return;
        }

        if (method == SipMethod.Cancel)
        {
            OnCancel(Open(key, request, source, null));
            return;
        }

        // Refusals decided before the switch knows who is asking are sent statelessly (§8.2.7): a transaction would
        // keep state for, and over UDP retransmit an INVITE's final response up to eleven times to, any source at all.
        var check = SipRequestChecks.Check(request);
        if (!check.Passed)
        {
            var extra = check.Status == 420 ? $"Unsupported: {request.Text(request.Find(SipHeaderKind.Require))}\r\n" : null;
            RespondStatelessly(request, source, check.Status, check.Reason, extra);
            return;
        }

        if (!Core.TryAdmit(request, source, out var userState))
        {
            return; // answered statelessly (a digest challenge) or dropped
        }

        var transaction = Open(key, request, source, userState);
        if (method == SipMethod.Invite)
        {
            transaction.Respond(100, "Trying"); // §17.2.1: stops the client's retransmissions at once.
        }

        Core.OnRequest(transaction);
    }

    private ServerTransaction Open(string key, SipMessage request, SipSource source, object? userState)
    {
        var transaction = new ServerTransaction(this, key, request, source) { UserState = userState };
        _servers[key] = transaction;
        return transaction;
    }

    private void OnCancel(ServerTransaction cancel)
    {
        // §9.2: the CANCEL matches the INVITE with the same branch (Via, Request-URI, Call-ID, CSeq number).
        var inviteKey = TransactionKeys.Server(cancel.Request, SipMethod.Invite);
        if (!_servers.TryGetValue(inviteKey, out var invite))
        {
            cancel.Respond(481, "Call/Transaction Does Not Exist");
            return;
        }

        cancel.Respond(200, "OK");
        if (invite.State == TransactionState.Proceeding)
        {
            Core.OnCancel(invite);
        }
    }

    private void OnResponse(SipMessage response, SipSource source)
    {
        var via = response.TopVia;
        var key = TransactionKeys.Client(response.Text(via.Branch), response.CSeqMethod);
        if (_clients.TryGetValue(key, out var transaction))
        {
            transaction.OnResponse(response);
        }
        else if (response.CSeqMethod == SipMethod.Invite && response.StatusCode is >= 200 and < 300)
        {
            Core.OnStrayResponse(response, source);
        }
    }
}
