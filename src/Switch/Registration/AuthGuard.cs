using Centrex.Switch.Sip;
using Centrex.Switch.Transport;

namespace Centrex.Switch.Registration;

/// <summary>
/// Digest authentication with its defences (issue 13 item 6): a slowed or blocked source is dropped before its
/// credentials are looked at, every failure is logged (<see cref="AuthFailureLog"/>) and counted against its source
/// address (<see cref="AuthFailureTracker"/>), and a success resets nothing: an attacker holding one account's password
/// cannot wash out the failures it piles up against another.
/// </summary>
internal sealed class AuthGuard(DigestAuthenticator authenticator, AuthFailureTracker tracker, AuthFailureLog log, string realm)
{
    public DigestAuthenticator Authenticator => authenticator;

    /// <summary>Whether every request from this source is dropped now (it is blocked).</summary>
    public bool IsBlocked(SipSource source) => tracker.IsBlocked(source.Remote.Address);

    /// <summary>
    /// Checks <paramref name="request"/>'s credentials in headers of <paramref name="kind"/>. Failures from a
    /// <paramref name="trusted"/> source (a trunk's address: its INVITEs need no credentials, so blocking it would
    /// protect nothing and let a spoofed flood cut a carrier off) are logged but not counted.
    /// </summary>
    public AuthVerdict Authenticate(SipMessage request, SipSource source, SipHeaderKind kind, bool trusted = false)
    {
        var method = request.Method == SipMethod.Invite ? "INVITE" : "REGISTER";
        var address = source.Remote.Address;
        switch (trusted ? AuthAdmission.Check : tracker.Admit(address))
        {
            case AuthAdmission.Slowed or AuthAdmission.Blocked:
                return AuthVerdict.Dropped;
            case AuthAdmission.BlockStarted:
                LogBlock(source, method);
                return AuthVerdict.Dropped;
        }

        var result = authenticator.Check(request, kind);
        if (result.Outcome == DigestOutcome.Authenticated)
        {
            return AuthVerdict.Admit(result.Account!);
        }

        if (result.IsFailure)
        {
            log.Write(source, method, result.Username, realm, AuthFailureLog.Reason(result.Outcome));
            if (!trusted && tracker.Fail(address, result.Username))
            {
                LogBlock(source, method);
            }
        }

        return AuthVerdict.Challenge(result.Outcome is DigestOutcome.Stale or DigestOutcome.Replay);
    }

    private void LogBlock(SipSource source, string method)
    {
        var (until, user) = tracker.Block(source.Remote.Address);
        log.Write(source, method, user, realm, "blocked", until);
    }
}
