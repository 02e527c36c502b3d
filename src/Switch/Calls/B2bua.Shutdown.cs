using CallDisposition = Centrex.Switch.Cdrs.CallDisposition;

namespace Centrex.Switch.Calls;

/// <summary>Ending every call when the switch stops, so none goes without its CDR (and its charge).</summary>
internal sealed partial class B2bua
{
    /// <summary>
    /// Ends every call in progress: a talking call is released on both legs with BYE and recorded as answered up to
    /// now (so it is charged for the time it had); a call still being set up is cancelled toward the callee and
    /// refused to the caller with 503. Runs under the stack's lock before the transports close.
    /// </summary>
    public void EndAll()
    {
        // A leg of a forked call (flow, forwarding, hunt group) is not a call: its call ends it (CancelLegs) and emits the
        // one CDR; ending it here too would record the call twice.
        foreach (var call in _calls.Values.Distinct().Where(c => c.Parent is null).ToList())
        {
            switch (call.State)
            {
                case CallState.Answered:
                    End(call, CallDisposition.Answered, 200);
                    ByeA(call);
                    ByeB(call);
                    break;
                case CallState.Trying:
                    CancelB(call);
                    End(call, CallDisposition.Failed, 503);
                    call.AInvite.Respond(503, "Service Unavailable", "Retry-After: 30\r\n"); // §21.5.4: the switch is stopping
                    break;
            }
        }
    }
}
