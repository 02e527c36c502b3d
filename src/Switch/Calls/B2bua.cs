using Centrex.Switch.Provisioning;
using Centrex.Switch.Registration;
using Centrex.Switch.Sip;
using Centrex.Switch.Transactions;
using Centrex.Switch.Transport;

using CallDisposition = Centrex.Switch.Cdrs.CallDisposition;

namespace Centrex.Switch.Calls;

/// <summary>
/// The back-to-back user agent: the transaction user of the stack. REGISTER goes to the registrar; an INVITE is
/// authenticated (407 otherwise, or accepted by trunk source address), routed by the dial plan, checked by the
/// hooks, and bridged to a second leg; BYE, CANCEL, busy and no-answer pass between the legs.
/// Everything here runs on the partition's thread. The directory may be replaced while calls are up (live
/// provisioning): a new call reads its snapshot once and is routed and checked against that one alone, and nothing
/// after the INVITE looks the directory up again, so a call keeps the settings it started with.
/// </summary>
internal sealed partial class B2bua : ISipCore, IClientTransactionUser, ICallTimers
{
    private readonly Dictionary<string, Call> _calls = new(StringComparer.Ordinal);
    private readonly List<Call> _cancelAtBatchEnd = []; // B2bua.Forks.cs: losing legs, cancelled at the batch's end
    private readonly SipStack _stack;
    private readonly ISwitchDirectory _directory;
    private readonly Registrar _registrar;
    private readonly AuthGuard _auth;
    private readonly CallHooks _hooks;
    private readonly SwitchOptions _options;
    private readonly Func<string, int> _partitionOf;
    private long _nextCallId;

    public B2bua(SipStack stack, ISwitchDirectory directory, Registrar registrar, AuthGuard auth,
        CallHooks hooks, SwitchOptions options, Func<string, int>? partitionOf = null)
    {
        _partitionOf = partitionOf ?? (_ => stack.Partition);
        _stack = stack;
        _directory = directory;
        _registrar = registrar;
        _auth = auth;
        _hooks = hooks;
        _options = options;
    }

    // Written only by the partition's thread, read by anyone (metrics, tests): each change is published before the
    // messages that follow from it are queued for sending.
    private int _activeCalls;
    private int _confirmedCalls;

    /// <summary>Calls in progress (each counted once: a call handed in from another partition is counted there).</summary>
    public int ActiveCalls => Volatile.Read(ref _activeCalls);

    /// <summary>
    /// Counts <paramref name="call"/> in (<paramref name="delta"/> +1) or out (-1) of <see cref="ActiveCalls"/>, and in or
    /// out of <see cref="ConfirmedCalls"/> when <paramref name="confirmed"/> (delta 0 with confirmed: it was just
    /// confirmed). A call handed in from the caller's partition is that partition's to count.
    /// </summary>
    private void Count(Call call, int delta, bool confirmed = false)
    {
        if (call.CountedElsewhere)
        {
            return;
        }

        Volatile.Write(ref _activeCalls, _activeCalls + delta);
        if (confirmed)
        {
            Volatile.Write(ref _confirmedCalls, _confirmedCalls + (delta == 0 ? 1 : delta));
        }
    }

    /// <summary>Calls answered by the callee and acknowledged by the caller: both parties are talking.</summary>
    public int ConfirmedCalls => Volatile.Read(ref _confirmedCalls);

    public void OnRequest(ServerTransaction transaction)
    {
        var request = transaction.Request;
        switch (request.Method)
        {
            case SipMethod.Register:
                _registrar.OnRegister(transaction);
                break;
            case SipMethod.Invite when request.To.Tag.IsEmpty:
                OnInvite(transaction);
                break;
            case SipMethod.Invite or SipMethod.Update:
                OnInDialogOffer(transaction);
                break;
            case SipMethod.Prack:
                OnPrack(transaction);
                break;
            case SipMethod.Bye:
                OnBye(transaction);
                break;
            case SipMethod.Refer:
                OnRefer(transaction);
                break;
            case SipMethod.Options:
                transaction.Respond(200, "OK", $"Allow: {AllowedMethods}, REGISTER\r\nAccept: application/sdp\r\nSupported: 100rel, timer\r\n");
                break;
            default:
                transaction.Respond(501, "Not Implemented", $"Allow: {AllowedMethods}, REGISTER\r\n");
                break;
        }
    }

    public void OnAck(SipMessage ack, SipSource source)
    {
        var callId = ack.Text(ack.CallId);
        if (!_calls.TryGetValue(callId, out var call))
        {
            return; // An ACK for nothing we know: dropped (§17.2.3 leaves it to the TU; there is no dialog).
        }

        var fromCaller = callId == call.Info.SipCallId;
        if (TryAckReInvite(call, ack, fromCaller) || !fromCaller || ack.CSeq != call.ARequest.CSeq)
        {
            return; // the ACK for a 2xx to a re-INVITE, or one that matches nothing pending
        }

        if (!call.AAcked && call.State == CallState.Answered)
        {
            Count(call, 0, confirmed: true);
        }

        call.AAcked = true;
        call.AFinalTimer.Cancel();
        if (call.Feature is not null && call.State == CallState.Answered)
        {
            End(call, CallDisposition.Answered, 200);
            ByeA(call); // Feature codes are answered and then released (their behaviour is a later issue).
        }
    }

    public void OnStrayResponse(SipMessage response, SipSource source)
    {
        // A 2xx retransmission after the INVITE transaction ended: the ACK was lost, send it again (§13.2.2.4).
        if (_calls.TryGetValue(response.Text(response.CallId), out var call) && call.BAck is { } ack && call.BDestination is { } to)
        {
            _stack.Metrics.CountRetransmissionReceived(request: false);
            _stack.Metrics.CountRetransmissionSent(request: true);
            _stack.Send(call.BKind, to, ack, call.BConnection);
        }
    }

    public void OnAckTimeout(ServerTransaction invite)
    {
        // A non-2xx final response was never acknowledged: nothing else to release, the call has already ended.
    }

    /// <summary>
    /// The switch's id for a call: the partition's number and its own count, so no two partitions give the same id (the
    /// hooks key calls by it, and CDR ids are built from it: a repeated id would be charged once for two calls).
    /// </summary>
    private string NewCallId() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{_stack.Partition}.{++_nextCallId}");

    private void Track(Call call, string key) => _calls[key] = call;

    private void Untrack(Call call)
    {
        _calls.Remove(call.Info.SipCallId);
        if (call.BCallId.Length > 0)
        {
            _calls.Remove(call.BCallId);
        }
    }
}
