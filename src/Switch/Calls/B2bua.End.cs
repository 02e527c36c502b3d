using CallDisposition = Centrex.Switch.Cdrs.CallDisposition;

namespace Centrex.Switch.Calls;

/// <summary>The one place a call ends: timers stop, hooks are released, one CDR goes out.</summary>
internal sealed partial class B2bua
{
    // at: when the message that ended the call arrived, for a caller that has sent something since (a BYE, an ACK); else
    // now. Read before anything is sent: a peer answering what the switch sends (or a test moving the manual clock once
    // it sees it) must not move the billed end later (the same rule as the answer, B2bua.Legs.cs OnBAnswered).
    private void End(Call call, CallDisposition disposition, int status, NodaTime.Instant? at = null)
    {
        var endedAt = at ?? _stack.Clock.Now; // before AbandonTransfer and CancelLegs below send anything
        if (call.State == CallState.Ended)
        {
            return;
        }

        Count(call, -1, confirmed: call.State == CallState.Answered && call.AAcked);

        call.State = CallState.Ended;
        call.NoAnswerTimer.Cancel();
        call.CapTimer.Cancel();
        call.AFinalTimer.Cancel();
        if (call.Transfer is { } transfer)
        {
            AbandonTransfer(transfer); // a party hung up while a transfer was under way
        }

        Unpark(call); // a parked party that hangs up frees its slot

        if (call.Fork is { } fork)
        {
            CancelLegs(fork); // the caller gave up or the call failed: whatever still rings is cancelled
            AbandonFlowWork(fork); // a lookup or notification still running: stopped, its result dropped when it comes
        }

        Untrack(call);
        UncountLines(call); // B2bua.Screening: call waiting's count of the lines' calls
        if (call.Admitted)
        {
            _hooks.Admission.Release(call.Info);
        }

        call.Media?.Dispose();
        if (call.HandedOver && call.BResponded)
        {
            return; // the partition it was handed to answered it, so it has the call and records it
        }

        _stack.Metrics.CountCallEnded(disposition); // once per call: here, where its one CDR goes out
        _hooks.Cdrs.Emit(new CallEnd(call.Info, call.AnswerTime, endedAt, disposition, status, call.Offer, call.Answer)
        {
            AnsweredBy = call.AnswerTime is null ? null : call.AnsweredBy,
        });
    }
}
