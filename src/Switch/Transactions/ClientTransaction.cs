using System.Net;
using Centrex.Switch.Clock;
using Centrex.Switch.Sip;
using Centrex.Switch.Sip.Writing;
using Centrex.Switch.Transport;
using NodaTime;

namespace Centrex.Switch.Transactions;

/// <summary>
/// A client transaction: INVITE (RFC 3261 §17.1.1 with RFC 6026's Accepted state) or non-INVITE (§17.1.2). Timers
/// A and E retransmit over UDP, B and F give up, D and K absorb response retransmissions, M (RFC 6026) lets 2xx
/// retransmissions reach the dialog. The ACK for a non-2xx final response is sent here (§17.1.1.3).
/// </summary>
internal sealed class ClientTransaction : ITimerTarget
{
    // Its timers, by kind (ITimerTarget): no closure per timer.
    private const int RetransmitTimer = 0; // A, E
    private const int TimeoutTimer = 1; // B, F
    private const int CancelTimer = 2; // 64*T1 after a CANCEL (§9.1)
    private const int TerminateTimer = 3; // D, K, M

    private readonly SipStack _stack;
    private byte[]? _bytes;
    private Duration _interval;
    private TimerHandle _retransmit;
    private TimerHandle _timeout;
    private bool _cancelled;
    private bool _answering; // its user is handling the 2xx that made it Accepted
    private byte[]? _ack;
    private SipMessage? _request;
    private byte[]? _ackFor2xx;
    private SipTransportKind _ackKind;
    private IPEndPoint? _ackTo;
    private SipConnection? _ackConnection;

    // parsed: bytes as the stack parsed them to check them, read here and not kept (the stack reuses it).
    public ClientTransaction(SipStack stack, SipMessage parsed, byte[] bytes, string branch, SipTransportKind kind,
        IPEndPoint destination, SipConnection? connection, IClientTransactionUser user)
    {
        _stack = stack;
        Method = parsed.Method;
        CSeq = parsed.CSeq;
        Sips = parsed.RequestUri.Scheme == SipUriScheme.Sips;
        _bytes = bytes;
        Branch = branch;
        Kind = kind;
        Destination = destination;
        Connection = connection;
        User = user;
        State = IsInvite ? TransactionState.Calling : TransactionState.Trying;
    }

    /// <summary>What its responses are matched by (§17.1.3): its branch and method, no string of its own.</summary>
    public ClientTransactionKey Key => new(Branch, Method);

    public string Branch { get; }

    public SipMethod Method { get; }

    public int CSeq { get; }

    /// <summary>The request went to a <c>sips:</c> Request-URI.</summary>
    public bool Sips { get; }

    /// <summary>
    /// The request parsed, on demand: only an ACK for a non-2xx answer and a few rare paths read it, so a transaction
    /// keeps its bytes and nothing parsed for its up to 32 s (Timer M), which at 1,000 calls/s was 60 MB of parsed
    /// requests for every collection to copy.
    /// </summary>
    public SipMessage Request => _request ??= SipMessage.ParseNew(_bytes ?? throw new InvalidOperationException(
        $"the {Method} request of a transaction that let go of its transaction user is no longer kept"), out _);

    public SipTransportKind Kind { get; }

    public IPEndPoint Destination { get; }

    public SipConnection? Connection { get; }

    public IClientTransactionUser User { get; }

    public TransactionState State { get; private set; }

    /// <summary>What the transaction user keeps with it.</summary>
    public object? UserState { get; set; }

    public bool IsInvite => Method == SipMethod.Invite;

    private bool Unreliable => Kind == SipTransportKind.Udp;

    internal void Start()
    {
        // Timers are set before the request leaves, so whatever the peer does next finds them running.
        if (Unreliable)
        {
            _interval = SipTimerValues.T1;
            _retransmit = _stack.StartTimer(_interval, this, RetransmitTimer); // Timer A or E.
        }

        _timeout = _stack.StartTimer(SipTimerValues.Timeout, this, TimeoutTimer); // Timer B or F.
        _stack.SendRequestBytes(this, _bytes!);
    }

    /// <summary>§8.1.3.1: the transport could not send the request: to the transaction user that is a timeout.</summary>
    internal void OnTransportError()
    {
        if (State is TransactionState.Calling or TransactionState.Trying or TransactionState.Proceeding)
        {
            Terminate();
            User.OnTimeout(this);
        }
    }

    private void Retransmit()
    {
        var retransmitting = IsInvite ? State == TransactionState.Calling : State is TransactionState.Trying or TransactionState.Proceeding;
        if (!retransmitting)
        {
            return;
        }

        _stack.Metrics.CountRetransmissionSent(request: true);
        _stack.SendRequestBytes(this, _bytes!);

        // Timer A doubles without bound (§17.1.1.2); Timer E doubles up to T2, and is T2 once Proceeding (§17.1.2.2).
        _interval = IsInvite ? _interval * 2
            : State == TransactionState.Proceeding ? SipTimerValues.T2 : Duration.Min(_interval * 2, SipTimerValues.T2);
        _retransmit = _stack.StartTimer(_interval, this, RetransmitTimer);
    }

    private void TimedOut()
    {
        // Timer B ends only a Calling INVITE (§17.1.1.2): once the callee has sent a provisional it may ring for as long
        // as the transaction user lets it (the B2BUA's no-answer timer, in place of a proxy's Timer C, §16.6 step 11).
        if (State is TransactionState.Calling or TransactionState.Trying || (State == TransactionState.Proceeding && !IsInvite))
        {
            Terminate();
            User.OnTimeout(this);
        }
    }

    /// <summary>
    /// The transaction user sent a CANCEL for this INVITE: if no final response comes within 64*T1 the transaction is
    /// destroyed (§9.1), so a callee that rang and then vanished does not keep it for ever.
    /// </summary>
    internal void Cancelled()
    {
        if (!IsInvite || State is not (TransactionState.Calling or TransactionState.Proceeding) || _cancelled)
        {
            return;
        }

        _cancelled = true;
        _timeout.Cancel();
        _timeout = _stack.StartTimer(SipTimerValues.Timeout, this, CancelTimer);
    }

    private void CancelTimedOut()
    {
        if (State is TransactionState.Calling or TransactionState.Proceeding)
        {
            Terminate();
            User.OnTimeout(this); // the transaction user ends the call it was cancelling
        }
    }

    void ITimerTarget.OnTimer(int kind)
    {
        switch (kind)
        {
            case RetransmitTimer:
                Retransmit();
                break;
            case TimeoutTimer:
                TimedOut();
                break;
            case CancelTimer:
                CancelTimedOut();
                break;
            default:
                Terminate();
                break;
        }
    }

    internal void OnResponse(SipMessage response)
    {
        var status = response.StatusCode;
        if (IsInvite)
        {
            OnInviteResponse(response, status);
            return;
        }

        if (State is TransactionState.Completed or TransactionState.Terminated)
        {
            if (status >= 200)
            {
                _stack.Metrics.CountRetransmissionReceived(request: false); // absorbed (Timer K)
            }

            return;
        }

        if (status < 200)
        {
            State = TransactionState.Proceeding;
            User.OnResponse(this, response);
            return;
        }

        State = TransactionState.Completed;
        _retransmit.Cancel();
        _retransmit = default;
        _timeout.Cancel();
        _timeout = _stack.StartTimer(Unreliable ? SipTimerValues.T4 : Duration.Zero, this, TerminateTimer); // Timer K.
        User.OnResponse(this, response);
        LetGo(); // Timer K only absorbs retransmissions: a BYE's call is not kept for its 5 s
    }

    private void OnInviteResponse(SipMessage response, int status)
    {
        switch (State)
        {
            case TransactionState.Calling or TransactionState.Proceeding when status < 200:
                if (State == TransactionState.Calling && !_cancelled)
                {
                    _timeout.Cancel(); // Timer B no longer applies (§17.1.1.2)
                    _timeout = default;
                }

                State = TransactionState.Proceeding;
                _retransmit.Cancel();
                User.OnResponse(this, response);
                break;
            case TransactionState.Calling or TransactionState.Proceeding when status < 300:
                State = TransactionState.Accepted;
                _retransmit.Cancel();
                _timeout.Cancel();
                _timeout = _stack.StartTimer(SipTimerValues.Timeout, this, TerminateTimer); // RFC 6026 Timer M.
                AnswerAccepted(response);
                break;
            case TransactionState.Accepted when status is >= 200 and < 300 && _ackFor2xx is not null:
                _stack.Metrics.CountRetransmissionReceived(request: false);
                _stack.Metrics.CountRetransmissionSent(request: true); // §13.2.2.4: the same ACK for each 2xx retransmission
                _stack.Send(_ackKind, _ackTo!, _ackFor2xx, _ackConnection);
                break;
            case TransactionState.Calling or TransactionState.Proceeding:
                State = TransactionState.Completed;
                _retransmit.Cancel();
                _timeout.Cancel();
                _ack = BuildAck(response);
                _timeout = _stack.StartTimer(Unreliable ? SipTimerValues.TimerD : Duration.Zero, this, TerminateTimer); // Timer D.
                User.OnResponse(this, response);
                LetGo(); // Timer D only ACKs retransmissions, from here
                _stack.Send(Kind, Destination, _ack, Connection);
                break;
            case TransactionState.Accepted when status is >= 200 and < 300:
                _stack.Metrics.CountRetransmissionReceived(request: false); // the transaction user ACKs it again
                AnswerAccepted(response);
                break;
            case TransactionState.Completed when status >= 300 && _ack is not null:
                _stack.Metrics.CountRetransmissionReceived(request: false);
                _stack.Metrics.CountRetransmissionSent(request: true); // §17.1.1.2: the ACK again for each retransmission
                _stack.Send(Kind, Destination, _ack, Connection);
                break;
        }
    }

    /// <summary>Hands an Accepted INVITE's 2xx to its user, then lets go once the user ACKed it (<see cref="Acked"/>).</summary>
    private void AnswerAccepted(SipMessage response)
    {
        _answering = true;
        try
        {
            User.OnResponse(this, response);
        }
        finally
        {
            _answering = false;
        }

        if (_ackFor2xx is not null)
        {
            LetGo(); // what it ACKed with is all a retransmitted 2xx needs: the call may end and go
        }
    }

    /// <summary>
    /// The transaction user ACKed this INVITE's 2xx with <paramref name="ack"/> (an ACK for a 2xx is the dialog's, not
    /// the transaction's, §13.2.2.4): from now on a retransmitted 2xx is ACKed again from here, and the transaction
    /// lets go of <see cref="UserState"/>, so an ended call is not kept for Timer M's 32 s.
    /// </summary>
    internal void Acked(byte[] ack, SipTransportKind kind, IPEndPoint to, SipConnection? connection)
    {
        if (!IsInvite || State != TransactionState.Accepted)
        {
            return;
        }

        _ackFor2xx = ack;
        _ackKind = kind;
        _ackTo = to;
        _ackConnection = connection;
        if (!_answering)
        {
            LetGo(); // a retransmitted 2xx is re-ACKed from here, and its user hears of it no more
        }

        // Acked while its user handles the 2xx: let go once that returns (OnInviteResponse), not under its feet.
    }

    /// <summary>
    /// From here the transaction only absorbs or re-ACKs retransmitted final responses and tells its user nothing more:
    /// it lets go of the call and of its request (an INVITE's bytes, up to a kilobyte, were kept for Timer M's 32 s,
    /// the largest thing left per call: bench/README.md, issue 14's GC tail). The request is not read again: it is
    /// retransmitted only before a final response, and a CANCEL or the ACK for a non-2xx answer is built before this.
    /// </summary>
    private void LetGo()
    {
        UserState = null;
        _bytes = null;
        _request = null;
    }

    /// <summary>§17.1.1.3: same Request-URI, Call-ID, From, CSeq number and top Via as the INVITE, To from the response.</summary>
    private byte[] BuildAck(SipMessage response)
    {
        var r = Request;
        var b = new SipBuilder(512).RequestLine("ACK"u8, r.Text(r.RequestUri.Whole));
        b.Raw("Via: "u8).Raw(r[r.Find(SipHeaderKind.Via)]).Crlf();
        for (var i = 0; i < r.HeaderCount; i++)
        {
            ref readonly var h = ref r.Header(i);
            if (h.Kind == SipHeaderKind.Route)
            {
                b.Raw("Route: "u8).Raw(r[h.Value]).Crlf();
            }
        }

        b.Raw("Max-Forwards: 70\r\n"u8);
        b.Raw("From: "u8).Raw(r[r.Find(SipHeaderKind.From)]).Crlf();
        b.Raw("To: "u8).Raw(response[response.Find(SipHeaderKind.To)]).Crlf();
        b.Raw("Call-ID: "u8).Raw(r[r.CallId]).Crlf();
        b.Raw("CSeq: "u8).Number(r.CSeq).Raw(" ACK\r\n"u8);
        return b.Body([]).ToArray();
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
