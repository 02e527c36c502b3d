using Centrex.Switch.Admission;
using Centrex.Switch.Authorization;
using Centrex.Switch.Calls;
using Centrex.Switch.Cdrs;
using CallDirection = Centrex.Switch.Calls.CallDirection;
using CdrDirection = Centrex.Switch.Admission.CallDirection;

namespace Centrex.Switch.Hooks;

/// <summary>
/// The B2BUA's <see cref="Calls.ICdrSink"/>: each <see cref="CallEnd"/> becomes one <see cref="SwitchCdr"/> emitted to
/// the real-time sink with the call's balance authorization, which the sink releases once the charge is committed.
/// Emitting only claims a slot in the sink's ring, so the switch's lock is never held across a disk flush; nothing here
/// waits for the commit.
/// </summary>
public sealed class CdrSinkHook : Calls.ICdrSink
{
    private readonly Cdrs.ICdrSink _sink;
    private readonly BalanceAuthorizationHook? _balance;
    private readonly CodecProfileTable _codecs;
    private readonly string _run;

    /// <summary>Creates the hook.</summary>
    /// <param name="sink">Where CDRs are stored, rated and charged.</param>
    /// <param name="balance">Holds each call's authorization until its CDR goes out; null when nothing is authorized.</param>
    /// <param name="run">Prefix of every CDR id, unique to this switch run: the switch numbers calls from 1 on every
    /// start, and the ledger charges an id once, so a bare number would make a restarted switch's calls free.</param>
    /// <param name="codecs">Names the negotiated codec (<see cref="CodecProfileTable.Default"/> when null).</param>
    public CdrSinkHook(Cdrs.ICdrSink sink, BalanceAuthorizationHook? balance, string run, CodecProfileTable? codecs = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentException.ThrowIfNullOrEmpty(run);
        _sink = sink;
        _balance = balance;
        _run = run;
        _codecs = codecs ?? CodecProfileTable.Default;
    }

    private long _lastTicket = -1;

    /// <summary>
    /// The highest ticket of a CDR emitted so far, by any partition (for tests and shutdown:
    /// <see cref="Cdrs.ICdrSink.WaitForCommit"/>; tickets are the sink ring's sequences, committed in order).
    /// </summary>
    public long LastTicket => Interlocked.Read(ref _lastTicket);

    /// <inheritdoc/>
    public void Emit(CallEnd end)
    {
        ArgumentNullException.ThrowIfNull(end);
        var grant = _balance?.Take(end.Call);
        var cdr = ToCdr(end, grant?.MaxDurationSeconds ?? AffordableDuration.MaxCallSeconds);
        _balance?.Ended(end.Call, cdr.BillableSeconds, end.End);
        var ticket = _sink.Emit(cdr, grant);
        for (var last = LastTicket; ticket > last; last = LastTicket)
        {
            if (Interlocked.CompareExchange(ref _lastTicket, ticket, last) == last)
            {
                break;
            }
        }
    }

    /// <summary>The CDR for a call end; <paramref name="maxDurationSeconds"/> caps the billable seconds.</summary>
    internal SwitchCdr ToCdr(CallEnd end, int maxDurationSeconds)
    {
        var call = end.Call;
        var billable = end.Answer is { } answer ? SwitchCdr.BillableSecondsBetween(answer, end.End, maxDurationSeconds) : 0;
        var codec = end.AnswerSdp.IsEmpty ? string.Empty : _codecs.Negotiated(end.AnswerSdp.Span).Encoding;

        // SwitchCdr knows two directions, seen from its account. An internal call is recorded on the callee's account
        // as incoming: on-net calls are not charged, and recording it as the caller's outgoing call would price an
        // on-net DID dialed in full like a call through the trunk.
        var internalCall = call.Direction == CallDirection.Internal && call.CalleeAccountId is not null;
        var account = internalCall ? call.CalleeAccountId! : call.AccountId ?? string.Empty;
        var direction = call.Direction == CallDirection.Outgoing ? CdrDirection.Outgoing : CdrDirection.Incoming;
        return new SwitchCdr(
            $"{_run}-{call.Id}", account, internalCall ? call.PresentedCaller ?? call.Caller : call.Caller, call.Dialed, call.Normalized ?? string.Empty,
            call.Start, end.Answer, end.End, billable, end.Disposition, call.SipCallId, codec,
            call.SiteId, direction, call.Forwarded)
        {
            Emergency = call.Emergency,
            AnsweredBy = end.AnsweredBy ?? string.Empty,

            // A call from another customer's line names what the callee was shown as its caller; the calling line is
            // kept beside it, so the caller's customer sees its call too (issue 16, Call Logs) and the callee's never
            // sees the other customer's account id.
            CallingAccount = call.CallingAccount ?? (internalCall && call.PresentedCaller is not null ? call.Caller : string.Empty),
        };
    }
}
