using Centrex.Switch.Partitions;
using Centrex.Switch.Sip;
using Centrex.Switch.Transport;

namespace Centrex.Switch.Transactions;

/// <summary>
/// Receiving: matching requests and responses to transactions (RFC 3261 §17.1.3, §17.2.3), CANCEL (§9.2). The message
/// lives in a ring slot that is reused once this returns: a transaction that keeps it keeps a clone.
/// </summary>
internal sealed partial class SipStack
{
    /// <summary>A message the router sent here; <paramref name="hops"/> partitions have been offered it before (a CANCEL).</summary>
    public void OnMessage(SipMessage message, SipSource source, int hops, RouteMark mark = RouteMark.None)
    {
        CurrentMark = mark;
        try
        {
            if (message.IsRequest)
            {
                OnRequest(message, source, hops);
            }
            else
            {
                OnResponse(message, source);
            }
        }
        finally
        {
            CurrentMark = RouteMark.None;
        }
    }

    /// <summary>What the router found out about the message being handled (<see cref="RouteMark"/>); None between messages.</summary>
    public RouteMark CurrentMark { get; private set; }

    private void OnRequest(SipMessage request, SipSource source, int hops)
    {
        var method = request.Method;
        if (method == SipMethod.Ack)
        {
            // An ACK for a non-2xx response belongs to the INVITE transaction; any other ACK is the dialog's (§17.2.3).
            // The ACK for a response sent statelessly has no transaction: its To tag says so, and it ends here (§8.2.7).
            if (_serversByText.TryGetValue(TransactionKeys.Server(request, SipMethod.Invite, ref _key), out var invite) && invite.State is TransactionState.Completed or TransactionState.Confirmed)
            {
                invite.OnAck();
            }
            else if (!_statelessTags.Matches(request))
            {
                Core.OnAck(request, source);
            }

            return;
        }

        if (_serversByText.TryGetValue(TransactionKeys.Server(request, method, ref _key), out var existing))
        {
            existing.OnRetransmission();
            return;
        }

        if (method == SipMethod.Cancel)
        {
            OnCancel(request, source, hops);
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

        var transaction = Open(request, source, userState);
        if (method == SipMethod.Invite)
        {
            transaction.Respond(100, "Trying"); // §17.2.1: stops the client's retransmissions at once.
        }

        Core.OnRequest(transaction);
        transaction.Settle();
    }

    /// <summary>
    /// A new server transaction. An INVITE's request is copied at once (its call keeps it); any other request is
    /// borrowed from the ring slot and the caller calls <see cref="ServerTransaction.Settle"/> once it is handled, so
    /// a request answered at once (BYE, REGISTER, OPTIONS, CANCEL) is never copied.
    /// </summary>
    private ServerTransaction Open(SipMessage request, SipSource source, object? userState)
    {
        var invite = request.Method == SipMethod.Invite;
        var key = new string(TransactionKeys.Server(request, request.Method, ref _key)); // the one string a transaction keeps to be found by
        var transaction = new ServerTransaction(this, key, invite ? request.Clone() : request, source, borrowed: !invite) { UserState = userState };
        _servers[key] = transaction;
        Counted();
        return transaction;
    }

    private void OnCancel(SipMessage request, SipSource source, int hops)
    {
        // §9.2: the CANCEL matches the INVITE with the same branch (Via, Request-URI, Call-ID, CSeq number). It carries no
        // credentials, so the router may not know which account's partition has the INVITE (one routed by the
        // credentials of a phone whose From names no account): it is offered to each partition in turn, and the last
        // one answers 481 when none had it.
        if (!_serversByText.TryGetValue(TransactionKeys.Server(request, SipMethod.Invite, ref _key), out var invite))
        {
            if (hops + 1 < PartitionCount && ForwardCancel is { } forward && forward((Partition + 1) % PartitionCount, request, source, hops + 1))
            {
                return;
            }

            var unknown = Open(request, source, null);
            unknown.Respond(481, "Call/Transaction Does Not Exist");
            unknown.Settle();
            return;
        }

        var cancel = Open(request, source, null);
        cancel.Respond(200, "OK");
        cancel.Settle();
        if (invite.State == TransactionState.Proceeding)
        {
            Core.OnCancel(invite);
        }
    }

    private void OnResponse(SipMessage response, SipSource source)
    {
        if (_clientsByText.TryGetValue(TransactionKeys.Client(response, ref _key), out var transaction))
        {
            transaction.OnResponse(response);
        }
        else if (response.CSeqMethod == SipMethod.Invite && response.StatusCode is >= 200 and < 300)
        {
            Core.OnStrayResponse(response, source);
        }
    }
}
