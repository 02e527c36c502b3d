using NodaTime;

namespace Centrex.Switch.Calls;

/// <summary>
/// What the switch knows about a call attempt when it asks the hooks: ids, parties, direction and site.
/// <see cref="AccountId"/> is the account that pays (the caller for outgoing and internal calls, the DID's owner
/// for incoming ones). Numbers are digits as dialed and, where they normalize, E.164 without '+'.
/// </summary>
/// <param name="Id">The switch's id for the call (unique per process run).</param>
/// <param name="SipCallId">The Call-ID of the caller's leg.</param>
/// <param name="AccountId">The account the call belongs to.</param>
/// <param name="CalleeAccountId">The called account for internal and incoming calls.</param>
/// <param name="Caller">The calling number or user.</param>
/// <param name="Dialed">The number as dialed.</param>
/// <param name="Normalized">The E.164 number, when the destination is one.</param>
/// <param name="Direction">Outgoing, incoming or internal.</param>
/// <param name="SiteId">The site of <paramref name="AccountId"/> (the Default site when it has none).</param>
/// <param name="Forwarded">Whether the call is one forwarded out by the line it reached (then <paramref name="AccountId"/> is that line: it pays).</param>
/// <param name="Start">When the INVITE arrived.</param>
public sealed record CallInfo(
    string Id,
    string SipCallId,
    string? AccountId,
    string? CalleeAccountId,
    string Caller,
    string Dialed,
    string? Normalized,
    CallDirection Direction,
    string SiteId,
    bool Forwarded,
    Instant Start)
{
    /// <summary>A call to an emergency number: never refused for money or limits, never cut, never charged (issue 14).</summary>
    public bool Emergency { get; init; }

    /// <summary>
    /// For a call from one customer's line to another customer's, what the called party was shown as the caller: the
    /// caller's number (<c>+</c> and E.164 digits, as a call handed to another partition shows it) or <c>anonymous</c>.
    /// The CDR recorded on the called line carries it instead of <see cref="Caller"/> (the calling account id), which
    /// must never reach the other customer (issue 16: isolation; README "Call Logs").
    /// </summary>
    public string? PresentedCaller { get; init; }

    /// <summary>
    /// For a call another partition handed over (a line of another customer calling), the calling line's account id
    /// (B2bua.CallingAccount), or null: its CDR names that line as the caller, as for a call within one partition.
    /// </summary>
    public string? CallingAccount { get; init; }
}
