using Centrex.Switch.Registration;
using Centrex.Switch.Sip;
using Centrex.Switch.Transport;

namespace Centrex.Switch.Calls;

/// <summary>
/// Who may have a transaction: a REGISTER and a phone's new INVITE are authenticated before the stack makes one, so
/// a request without valid credentials costs one stateless challenge and nothing kept (RFC 3261 §8.2.7, §26.3.2.4),
/// and a source that keeps failing is slowed, then blocked (<see cref="AuthGuard"/>).
/// </summary>
internal sealed partial class B2bua
{
    public bool TryAdmit(SipMessage request, SipSource source, out object? userState)
    {
        userState = null;
        if (RefusedInsecureSips(request, source))
        {
            return false;
        }

        switch (request.Method)
        {
            case SipMethod.Register when Registrar.HasSipAddressOfRecord(request):
                return Authenticate(request, source, SipHeaderKind.Authorization, _directory.FindTrunkBySource(source.Remote) is not null, out userState);

            // A new INVITE from a phone (a trunk's needs no credentials, nor the switch's own from another partition). One with the Call-ID of a call in progress
            // goes on to be refused 482 as a loop without being authenticated: it would repeat that call's credentials.
            case SipMethod.Invite when request.To.Tag.IsEmpty && source.Kind != SipTransportKind.Internal
                && !_calls.ContainsKey(request.Text(request.CallId)) && _directory.FindTrunkBySource(source.Remote) is null:
                if ((_stack.CurrentMark & Partitions.RouteMark.Unchecked) != 0)
                {
                    userState = KnownLine(request, source) ?? (object)UncheckedEmergency.Anonymous;
                    return true;
                }

                return Authenticate(request, source, SipHeaderKind.ProxyAuthorization, false, out userState);

            default:
                return true;
        }
    }

    /// <summary>
    /// The line an emergency INVITE placed unchecked comes from, known without its credentials: the account its From
    /// names when that account's live registration came from this very address and port (the phone proved its password
    /// when it registered, and the NAT binding is still its). Then the call carries that line's call-back number and
    /// E911 service address, which the PSAP needs (seed 001 E911: the service address given for the line). Null
    /// otherwise: the call goes out anonymously rather than not at all.
    /// </summary>
    private Provisioning.SwitchAccount? KnownLine(SipMessage request, SipSource source)
    {
        var line = _directory.FindAccount(request.Text(request.From.Uri.User));
        var binding = line is null ? null : _registrar.Lookup(line.Id);
        return binding is not null && binding.Kind == source.Kind && binding.Remote.Equals(source.Remote) ? line : null;
    }

    private bool Authenticate(SipMessage request, SipSource source, SipHeaderKind credentials, bool trusted, out object? account)
    {
        var verdict = _auth.Authenticate(request, source, credentials, trusted);
        account = verdict.Account;
        if (verdict.Admitted)
        {
            return true;
        }

        // RFC 3261 §22.3: a registrar challenges with 401 and WWW-Authenticate, a proxy-like element with 407. A replay
        // is challenged stale=true too (RFC 7616 §3.3): a phone that reused its nonce retries with the new one at once,
        // without asking its user for the password; a replayer without the password can do nothing with it.
        var register = credentials == SipHeaderKind.Authorization;
        _stack.RespondStatelessly(request, source, register ? 401 : 407, register ? "Unauthorized" : "Proxy Authentication Required",
            _auth.Authenticator.Challenge(request, register ? "WWW-Authenticate" : "Proxy-Authenticate", verdict.Stale));
        return false;
    }
}
