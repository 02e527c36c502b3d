using Centrex.Switch.Transport;

namespace Centrex.Switch.Registration;

/// <summary>
/// The router's side of the authentication defences (issue 13 item 6): attempts with credentials are counted per source
/// address in one place (<see cref="AuthFailureTracker"/>, owned by the router's thread) as they are admitted, so a
/// source that tries accounts of many customers, which live in different partitions, is slowed and blocked as one, and a
/// burst cannot get more guesses checked than the limits allow; a blocked source's requests and a slowed source's excess
/// ones are dropped before any partition sees them.
/// </summary>
internal sealed class SourceGuard(AuthFailureTracker tracker, AuthFailureLog log, Func<string> realm)
{
    /// <summary>Whether every request from this source is dropped now (it is blocked).</summary>
    public bool IsBlocked(SipSource source) => tracker.IsBlocked(source.Remote.Address);

    /// <summary>
    /// Whether a request that needs authentication from <paramref name="source"/> may go on to its partition. One that
    /// carries credentials is a guess until its partition says otherwise: it counts as a strike now, and a success
    /// report gives it back (<see cref="Succeeded"/>), so however fast guesses come, no more are checked than the
    /// limits allow.
    /// </summary>
    public bool Admit(SipSource source, string method, bool withCredentials)
    {
        switch (tracker.Admit(source.Remote.Address))
        {
            case AuthAdmission.Slowed or AuthAdmission.Blocked:
                return false;
            case AuthAdmission.BlockStarted:
                LogBlock(source, method);
                return false;
        }

        if (withCredentials && tracker.Attempt(source.Remote.Address))
        {
            LogBlock(source, method);
            return false;
        }

        return true;
    }

    /// <summary>A partition's report: <paramref name="source"/> failed as <paramref name="user"/> (its strike was counted on admission).</summary>
    public void Failed(SipSource source, string? user) => tracker.Fail(source.Remote.Address, user);

    /// <summary>A partition's report: <paramref name="source"/> authenticated, so its provisional strike is given back.</summary>
    public void Succeeded(SipSource source) => tracker.Refund(source.Remote.Address);

    private void LogBlock(SipSource source, string method)
    {
        var (until, user) = tracker.Block(source.Remote.Address);
        log.Write(source, method, user, realm(), "blocked", until);
    }
}
