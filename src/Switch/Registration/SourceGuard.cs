using Centrex.Switch.Transport;

namespace Centrex.Switch.Registration;

/// <summary>
/// The router's side of the authentication defences (issue 13 item 6): the failures partitions report are counted per
/// source address in one place (<see cref="AuthFailureTracker"/>, owned by the router's thread), so a source that tries
/// accounts of many customers, which live in different partitions, is slowed and blocked as one; a blocked source's
/// requests and a slowed source's excess ones are dropped before any partition sees them.
/// </summary>
internal sealed class SourceGuard(AuthFailureTracker tracker, AuthFailureLog log, Func<string> realm)
{
    /// <summary>Whether every request from this source is dropped now (it is blocked).</summary>
    public bool IsBlocked(SipSource source) => tracker.IsBlocked(source.Remote.Address);

    /// <summary>Whether a request that needs authentication from <paramref name="source"/> may go on to its partition.</summary>
    public bool Admit(SipSource source, string method)
    {
        switch (tracker.Admit(source.Remote.Address))
        {
            case AuthAdmission.Slowed or AuthAdmission.Blocked:
                return false;
            case AuthAdmission.BlockStarted:
                LogBlock(source, method);
                return false;
            default:
                return true;
        }
    }

    /// <summary>A partition's report: <paramref name="source"/> failed as <paramref name="user"/>.</summary>
    public void Failed(SipSource source, string? user, string method)
    {
        if (tracker.Fail(source.Remote.Address, user))
        {
            LogBlock(source, method);
        }
    }

    private void LogBlock(SipSource source, string method)
    {
        var (until, user) = tracker.Block(source.Remote.Address);
        log.Write(source, method, user, realm(), "blocked", until);
    }
}
