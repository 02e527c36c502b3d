using Centrex.Switch.Provisioning;
using Centrex.Switch.Sip;
using Centrex.Switch.Transport;

namespace Centrex.Switch.Registration;

/// <summary>
/// Digest authentication in a partition, with its defences (issue 13 item 6): every failure is logged
/// (<see cref="AuthFailureLog"/>) and reported to the router, which counts it against its source address and slows,
/// then blocks, the source before its requests reach any partition (<see cref="SourceGuard"/>); a success resets
/// nothing: an attacker holding one account's password cannot wash out the failures it piles up against another.
/// </summary>
/// <param name="authenticator">Checks credentials (this partition's nonce counts).</param>
/// <param name="report">Records what the check found (the outcome, the user name tried and the method) for the partition
/// to report to the router once the request is handled (<see cref="Partitions.CallPartition"/>): the router counts
/// failures against the source, proves user names that authenticated, and ends the check it began.</param>
/// <param name="log">Where each failure's line goes.</param>
/// <param name="realm">The realm now (provisioning may change it).</param>
/// <param name="owns">Whether an account's calls belong to this partition. The router sends a request here by the user name
/// of its credentials; one that authenticates as an account of another partition carried more than one set (a replay
/// dressed up to reach a partition that has not seen its nonce): refused as a replay.</param>
internal sealed class AuthGuard(DigestAuthenticator authenticator, Action<AuthOutcome, string?, string> report, AuthFailureLog log, Func<string> realm,
    Func<SwitchAccount, bool> owns)
{
    public DigestAuthenticator Authenticator => authenticator;

    /// <summary>
    /// Checks <paramref name="request"/>'s credentials in headers of <paramref name="kind"/>. Failures from a
    /// <paramref name="trusted"/> source (a trunk's address: its INVITEs need no credentials, so blocking it would
    /// protect nothing and let a spoofed flood cut a carrier off) are logged but not counted.
    /// </summary>
    public AuthVerdict Authenticate(SipMessage request, SipSource source, SipHeaderKind kind, bool trusted = false)
    {
        var method = request.Method == SipMethod.Invite ? "INVITE" : "REGISTER";
        var result = authenticator.Check(request, kind);
        if (result.Outcome == DigestOutcome.Authenticated && owns(result.Account!))
        {
            if (!trusted)
            {
                report(AuthOutcome.Authenticated, result.Username, method);
            }

            return AuthVerdict.Admit(result.Account!);
        }

        if (result.Outcome == DigestOutcome.Authenticated)
        {
            result = result with { Outcome = DigestOutcome.Replay };
        }

        if (result.IsFailure)
        {
            log.Write(source, method, result.Username, realm(), AuthFailureLog.Reason(result.Outcome));
        }

        if (!trusted && result.IsFailure)
        {
            report(AuthOutcome.Failed, result.Username, method);
        }

        return AuthVerdict.Challenge(result.Outcome is DigestOutcome.Stale or DigestOutcome.Replay);
    }
}
