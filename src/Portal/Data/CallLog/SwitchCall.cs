using Centrex.Switch.Admission;
using Centrex.Switch.Cdrs;

namespace Centrex.Portal.Data.CallLog;

/// <summary>
/// One switch CDR as the call log stores it: scoped to the customer of the CDR's account (the caller's line for an
/// outgoing call, the called line for an incoming or internal one: an incoming call belongs to the called customer),
/// with the direction the Call Logs page shows.
/// </summary>
internal readonly record struct SwitchCall(string Id, string? Customer, string Account, long StartMilliseconds, string Caller, string Callee,
    long Seconds, string Direction, string Disposition, string AnsweredBy)
{
    /// <summary>The call log's row for <paramref name="cdr"/>, its account looked up in <paramref name="index"/>.</summary>
    public static SwitchCall Of(SwitchCdr cdr, ProvisioningIndex index)
    {
        var customer = index.Account(cdr.Account)?.CustomerId;

        // The switch records an internal call (one of the customer's lines calling another: an extension, an
        // abbreviated number, an on-net DID) on the called line as incoming (CdrSinkHook: on-net calls are not
        // charged), with the calling line's account id as the caller. The page tells it from a call that came in
        // through a trunk: internal when the caller is a line of the same customer. A call from another customer's
        // line stays incoming here (it is that customer's outgoing call, which its own CDR does not exist for).
        var callerCustomer = cdr.Direction == CallDirection.Outgoing ? null : index.Account(cdr.Caller)?.CustomerId;
        var direction = cdr.Direction == CallDirection.Outgoing ? "outgoing"
            : customer is not null && callerCustomer == customer ? "internal" : "incoming";

        // The switch records a call from another customer's line with what the called line was shown (its number or
        // anonymous); a line written before it did names the calling account, which is that other customer's own
        // data (issue 16: isolation): it is kept as anonymous.
        var caller = callerCustomer is not null && callerCustomer != customer ? "anonymous" : cdr.Caller;
        return new SwitchCall(cdr.Id, customer, cdr.Account, cdr.Start.ToUnixTimeMilliseconds(), caller,
            cdr.CalleeNormalized.Length > 0 ? cdr.CalleeNormalized : cdr.CalleeDialed, cdr.BillableSeconds, direction,
            cdr.Disposition.ToWireName(), cdr.AnsweredBy);
    }
}
