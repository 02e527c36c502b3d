using Centrex.Switch.Transport;

namespace Centrex.Switch.Registration;

/// <summary>
/// The router's side of the authentication defences (issue 13 item 6): failures are counted per source address in one
/// place (<see cref="AuthFailureTracker"/>, owned by the router's thread), so a source that tries accounts of many
/// customers, which live in different partitions, is slowed and blocked as one; its checks in flight are bounded
/// (<see cref="AuthChecksInFlight"/>), so a burst cannot get more guesses checked than the limits allow; a blocked
/// source's requests and a slowed source's excess ones are dropped before any partition sees them.
/// </summary>
internal sealed class SourceGuard(AuthFailureTracker tracker, AuthChecksInFlight checks, ProvenCredentials proven, AuthFailureLog log, Func<string> realm)
{
    /// <summary>Whether every request from this source is dropped now (it is blocked).</summary>
    public bool IsBlocked(SipSource source) => tracker.IsBlocked(source.Remote.Address);

    /// <summary>
    /// Whether a request that needs authentication from <paramref name="source"/> may go on to its partition: not when
    /// the source is slowed or blocked, nor, for one that carries credentials, when as many of its checks are in flight
    /// as allowed (failures come back to be counted only after the check, so this is what keeps a burst of guesses from
    /// all being checked before the first failure is counted). Credentials whose <paramref name="user"/> (UTF-8, empty
    /// when unknown) authenticated from this address lately get the larger bound (<see cref="ProvenCredentials"/>).
    /// </summary>
    /// <param name="source">Where the request came from.</param>
    /// <param name="method">Its method, for the log of a block it starts.</param>
    /// <param name="withCredentials">Whether it carries credentials (a guess to check and count).</param>
    /// <param name="user">The user name of its credentials (UTF-8), or empty.</param>
    /// <param name="heldBack">When refused: true if the source is slowed or blocked; false if only its checks in flight
    /// are at the bound (a retransmission is checked once one ends).</param>
    public bool Admit(SipSource source, string method, bool withCredentials, ReadOnlySpan<byte> user, out bool heldBack)
    {
        heldBack = true;
        switch (tracker.Admit(source.Remote.Address))
        {
            case AuthAdmission.Slowed or AuthAdmission.Blocked:
                return false;
            case AuthAdmission.BlockStarted:
                LogBlock(source, method);
                return false;
        }

        heldBack = false;
        return !withCredentials || checks.TryBegin(source.Remote.Address, proven.IsProven(source.Remote.Address, user));
    }

    /// <summary>
    /// A partition's report on one request from <paramref name="source"/>: what checking its credentials found, and
    /// whether it ends a check <see cref="Admit"/> began (every request admitted with credentials is reported exactly
    /// once, whatever became of it, so checks in flight count only requests still on their way).
    /// </summary>
    public void Report(SipSource source, AuthOutcome outcome, string? user, string? method, bool endsCheck)
    {
        var address = source.Remote.Address;
        if (endsCheck)
        {
            checks.End(address);
        }

        switch (outcome)
        {
            case AuthOutcome.Authenticated when user is not null:
                proven.Authenticated(address, user);
                break;
            case AuthOutcome.Failed:
                proven.Failed(address, user);
                if (tracker.Fail(address, user))
                {
                    LogBlock(source, method ?? "REGISTER");
                }

                break;
        }
    }

    private void LogBlock(SipSource source, string method)
    {
        var (until, user) = tracker.Block(source.Remote.Address);
        log.Write(source, method, user, realm(), "blocked", until);
    }
}
