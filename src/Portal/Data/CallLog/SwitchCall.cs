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
    /// <summary>What the caller's row of a call between two customers adds to the CDR's id (still one of the switch's ids: 'sw:...').</summary>
    public static ReadOnlySpan<byte> CallerSuffix => "/caller"u8;

    /// <summary>
    /// The calling customer's row of a call from one customer's line to another's on this switch, or null for any other
    /// call. The switch records such a call once, on the called line (incoming, not charged: on-net, CdrSinkHook), with
    /// the calling line's account as the caller; the caller's customer must see it in its Call Logs too (issue 16), as
    /// its outgoing call from that line, with no charge.
    /// </summary>
    public static SwitchCall? CallerSide(SwitchCdr cdr, ProvisioningIndex index)
    {
        var called = index.Account(cdr.Account)?.CustomerId;
        var calling = CallingAccount(cdr);
        if (called is null || cdr.Direction == CallDirection.Outgoing || index.Account(calling)?.CustomerId is not { } caller || caller == called)
        {
            return null;
        }

        var row = Of(cdr, index);
        return row with { Id = cdr.Id + System.Text.Encoding.ASCII.GetString(CallerSuffix), Customer = caller, Account = calling, Caller = calling, Callee = cdr.CalleeDialed, Direction = "outgoing" };
    }

    /// <summary>
    /// The calling line of an on-net call: the CDR's <c>calling_account</c> for a call from another customer's line (its
    /// caller is what the called phone was shown), else its caller (a line of the same customer, or an older line).
    /// </summary>
    private static string CallingAccount(SwitchCdr cdr) => cdr.CallingAccount.Length > 0 ? cdr.CallingAccount : cdr.Caller;

    /// <summary>The call log's row for <paramref name="cdr"/>, its account looked up in <paramref name="index"/>.</summary>
    public static SwitchCall Of(SwitchCdr cdr, ProvisioningIndex index)
    {
        var customer = index.Account(cdr.Account)?.CustomerId;

        // The switch records an internal call (one of the customer's lines calling another: an extension, an
        // abbreviated number, an on-net DID) on the called line as incoming (CdrSinkHook: on-net calls are not
        // charged), with the calling line's account id as the caller. The page tells it from a call that came in
        // through a trunk: internal when the caller is a line of the same customer. A call from another customer's
        // line stays incoming here; the caller's customer gets a row of its own (CallerSide).
        var callerCustomer = cdr.Direction == CallDirection.Outgoing ? null : index.Account(CallingAccount(cdr))?.CustomerId;
        var direction = cdr.Direction == CallDirection.Outgoing ? "outgoing"
            : customer is not null && callerCustomer == customer ? "internal" : "incoming";

        // The switch records a call from another customer's line with what the called line was shown (its number or
        // anonymous); a line written before it did names the calling account, which is that other customer's own
        // data (issue 16: isolation): it is kept as anonymous.
        var named = cdr.Direction == CallDirection.Outgoing ? null : index.Account(cdr.Caller)?.CustomerId;
        var caller = named is not null && named != customer ? "anonymous" : cdr.Caller;
        return new SwitchCall(cdr.Id, customer, cdr.Account, cdr.Start.ToUnixTimeMilliseconds(), caller,
            cdr.CalleeNormalized.Length > 0 ? cdr.CalleeNormalized : cdr.CalleeDialed, cdr.BillableSeconds, direction,
            cdr.Disposition.ToWireName(), cdr.AnsweredBy);
    }
}
