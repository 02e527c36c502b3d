using Centrex.Switch.Clock;
using Centrex.Switch.Partitions;
using NodaTime;
using Centrex.Switch.Sip;
using Centrex.Switch.Sip.Writing;
using Centrex.Switch.Transport;

namespace Centrex.Switch.Transactions;

/// <summary>
/// A server transaction: INVITE (RFC 3261 §17.2.1 with RFC 6026's Accepted state) or non-INVITE (§17.2.2).
/// Retransmitted requests are absorbed and answered with the last response; timers G, H, I, J, L run on the stack's clock.
/// </summary>
internal sealed class ServerTransaction : ITimerTarget
{
    // Its timers, by kind (ITimerTarget): no closure per timer.
    private const int RetransmitTimer = 0; // G
    private const int TerminateTimer = 1; // I, J, L
    private const int AckTimer = 2; // H

    private readonly SipStack _stack;
    private byte[]? _last;
    private Duration _interval;
    private TimerHandle _retransmit;
    private TimerHandle _timeout;
    private SipMessage? _request;
    private bool _borrowed;

    // borrowed: request is the ring slot's message, valid until the stack's handling of it returns; the stack then
    // calls Settle.
    public ServerTransaction(SipStack stack, string key, SipMessage request, SipSource source, bool borrowed)
    {
        _stack = stack;
        Key = key;
        _request = request;
        _borrowed = borrowed;
        Method = request.Method;
        Source = source;
        ResponseTo = SipStack.ResponseDestination(request, source);
        State = request.Method == SipMethod.Invite ? TransactionState.Proceeding : TransactionState.Trying;
        LocalTag = !request.To.Tag.IsEmpty ? request.Text(request.To.Tag)
            : request.Method == SipMethod.Invite && (stack.CurrentMark & RouteMark.Emergency) != 0 ? stack.NewEmergencyTag() : stack.NewTag();
    }

    public string Key { get; }

    /// <summary>
    /// The request, until the final response: an answered non-INVITE request is not kept (its transaction waits out
    /// Timer J, 32 s over UDP, with only its response), nor an INVITE once its 2xx went (Timer L): at 1,000 calls/s
    /// those copies were 190 MB alive at once, which every collection had to copy.
    /// </summary>
    public SipMessage Request => _request ?? throw new InvalidOperationException($"the {Method} request of an answered transaction is no longer kept");

    public SipMethod Method { get; }

    /// <summary>Where responses go (RFC 3261 §18.2.2, RFC 3581 §4), read from the request once.</summary>
    public System.Net.IPEndPoint ResponseTo { get; }

    public SipSource Source { get; }

    public TransactionState State { get; private set; }

    /// <summary>The To tag this side puts in its responses (kept from the request inside a dialog).</summary>
    public string LocalTag { get; }

    public int FinalStatus { get; private set; }

    /// <summary>What the transaction user keeps with it (the call, the registration).</summary>
    public object? UserState { get; set; }

    public bool IsInvite => Method == SipMethod.Invite;

    private bool Unreliable => Source.Kind == SipTransportKind.Udp;

    /// <summary>
    /// The stack's handling of a borrowed request returned: an answered request is let go, one the transaction user
    /// still has to answer (relayed to the other leg) is copied out of the ring slot.
    /// </summary>
    internal void Settle()
    {
        if (!_borrowed)
        {
            return;
        }

        _borrowed = false;
        _request = State is TransactionState.Completed or TransactionState.Terminated ? null : _request!.Clone();
    }

    /// <summary>Answers with a body-less response built from the request.</summary>
    public void Respond(int status, string reason, string? extraHeaders = null)
    {
        if (State is TransactionState.Trying or TransactionState.Proceeding)
        {
            Send(SipResponses.Simple(Request, Source, status, reason, LocalTag, extraHeaders), status);
        }

        // Otherwise a final response went already and Send would drop this one (§17.2.1): nothing to build.
    }

    /// <summary>Starts a response the caller completes (extra headers, body), then passes to <see cref="Send"/>.</summary>
    public SipBuilder Begin(int status, string reason) => SipResponses.Start(Request, Source, status, reason, LocalTag);

    public void Send(byte[] response, int status)
    {
        if (State is TransactionState.Completed or TransactionState.Confirmed or TransactionState.Terminated)
        {
            return; // A final response went already (§17.2.1: the TU's later responses are not sent).
        }

        if (State == TransactionState.Accepted)
        {
            if (status is >= 200 and < 300)
            {
                _stack.SendResponse(this, response); // RFC 6026 §7.1: 2xx retransmissions pass in Accepted.
            }

            return;
        }

        _last = response;
        if (status < 200)
        {
            State = TransactionState.Proceeding;
            _stack.SendResponse(this, response);
            return;
        }

        FinalStatus = status;
        if (IsInvite && status < 300)
        {
            // Accepted (RFC 6026 §7.1) absorbs the INVITE's retransmissions and passes the TU's 2xx: neither the
            // request nor a response to repeat is needed for its 32 s, and the call keeps its own reference.
            _request = null;
            _last = null;
            State = TransactionState.Accepted;
            _timeout = _stack.StartTimer(SipTimerValues.Timeout, this, TerminateTimer); // RFC 6026 Timer L.
        }
        else if (IsInvite)
        {
            State = TransactionState.Completed;
            if (Unreliable)
            {
                _interval = SipTimerValues.T1;
                _retransmit = _stack.StartTimer(_interval, this, RetransmitTimer); // Timer G.
            }

            _timeout = _stack.StartTimer(SipTimerValues.Timeout, this, AckTimer); // Timer H.
        }
        else
        {
            State = TransactionState.Completed;
            _timeout = _stack.StartTimer(Unreliable ? SipTimerValues.Timeout : Duration.Zero, this, TerminateTimer); // Timer J.
        }

        _stack.SendResponse(this, response); // after the timers, so the peer's next move finds them running.
    }

    /// <summary>The same request again: answer with the last response, never pass it up (§17.2.1, §17.2.2).</summary>
    internal void OnRetransmission()
    {
        _stack.Metrics.CountRetransmissionReceived(request: true);
        if (_last is not null && State is TransactionState.Proceeding or TransactionState.Completed)
        {
            _stack.Metrics.CountRetransmissionSent(request: false);
            _stack.SendResponse(this, _last);
        }
    }

    /// <summary>The ACK for a non-2xx final response: stop retransmitting and absorb further ACKs (Timer I).</summary>
    internal void OnAck()
    {
        if (State != TransactionState.Completed || !IsInvite)
        {
            return;
        }

        State = TransactionState.Confirmed;
        _retransmit.Cancel();
        _timeout.Cancel();
        _timeout = _stack.StartTimer(Unreliable ? SipTimerValues.T4 : Duration.Zero, this, TerminateTimer); // Timer I.
    }

    void ITimerTarget.OnTimer(int kind)
    {
        switch (kind)
        {
            case RetransmitTimer:
                RetransmitFinal();
                break;
            case AckTimer:
                AckTimedOut();
                break;
            default:
                Terminate();
                break;
        }
    }

    private void RetransmitFinal()
    {
        if (State != TransactionState.Completed || _last is null)
        {
            return;
        }

        _stack.Metrics.CountRetransmissionSent(request: false);
        _stack.SendResponse(this, _last);
        _interval = Duration.Min(_interval * 2, SipTimerValues.T2); // Timer G: doubles up to T2.
        _retransmit = _stack.StartTimer(_interval, this, RetransmitTimer);
    }

    private void AckTimedOut()
    {
        Terminate();
        _stack.Core.OnAckTimeout(this);
    }

    internal void Terminate()
    {
        if (State == TransactionState.Terminated)
        {
            return;
        }

        State = TransactionState.Terminated;
        _retransmit.Cancel();
        _timeout.Cancel();
        _stack.Remove(this);
    }
}
