using Centrex.Switch.Registration;
using Centrex.Switch.Sip;
using Centrex.Switch.Transport;

namespace Centrex.Switch.Calls;

/// <summary>
/// Which transport each leg uses, and what SIPS asks of them (RFC 3261 §26.2.2, RFC 5630): TLS on every hop, never
/// downgraded. A phone's TLS connection from its REGISTER carries its calls; when that is gone, a new TLS connection
/// goes to its Contact only if the Contact asks for TLS (<c>sips:</c> or <c>transport=tls</c>); a phone registered
/// over TLS is never reached in the clear instead.
/// </summary>
internal sealed partial class B2bua
{
    /// <summary>RFC 5630 §5.3: why a SIPS request is refused when its target cannot be reached over TLS.</summary>
    private const string SipsNotAllowed = "Warning: 380 centrex \"SIPS Not Allowed\"\r\n";

    /// <summary>The caller's INVITE went to a <c>sips:</c> Request-URI: its callee's leg must be TLS too.</summary>
    private static bool AIsSips(Call call) => call.AOverride?.Sips ?? call.ARequest.RequestUri.Scheme == SipUriScheme.Sips;

    /// <summary>
    /// The callee's leg went to a <c>sips:</c> target: its INVITE's Request-URI (§12.1.2: a dialog is secure from the
    /// request that made it, whatever target refreshes say later), or, while that INVITE is being built, the target.
    /// </summary>
    private static bool BIsSips(Call call) => call.BOverride is { } moved ? moved.Sips : call.BInvite is { } invite
        ? invite.Sips
        : call.BRemoteTarget.StartsWith("sips:", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A new INVITE or REGISTER to a <c>sips:</c> Request-URI that came over UDP or TCP: the hop SIPS requires to be
    /// TLS was not (§26.2.2), so the switch cannot keep the promise the URI makes. Refused statelessly, before
    /// any credentials are looked at, with 480 and RFC 5630's warning, so a phone that meant TLS learns it did not use it.
    /// </summary>
    private bool RefusedInsecureSips(SipMessage request, SipSource source)
    {
        if (request.RequestUri.Scheme != SipUriScheme.Sips || source.Kind is SipTransportKind.Tls or SipTransportKind.Internal
            || !(request.Method == SipMethod.Register || (request.Method == SipMethod.Invite && request.To.Tag.IsEmpty)))
        {
            return false;
        }

        _stack.RespondStatelessly(request, source, 480, "Temporarily Unavailable", SipsNotAllowed);
        return true;
    }

    /// <summary>
    /// How the callee's leg reaches a registered phone; false when it cannot be reached without a downgrade.
    /// Over the connection its REGISTER came on while that is open (RFC 5626's flow, §18.2.1), so phones behind NAT
    /// get their calls; else at its Contact's address, over TLS when the Contact asks for it.
    /// </summary>
    private static bool TryReach(Call call, Binding binding)
    {
        var contact = SipUriTarget.Of(binding.ContactUri);
        var open = binding.Connection is { IsOpen: true };
        call.BRemoteTarget = binding.ContactUri;
        call.BKind = binding.Kind;
        call.BDestination = binding.Remote;
        call.BConnection = binding.Connection;
        if (binding.Kind == SipTransportKind.Tls && open)
        {
            return true;
        }

        if (contact.Tls)
        {
            if (contact.Address is not { } address)
            {
                return false; // a name: the switch resolves no DNS for contacts
            }

            call.BKind = SipTransportKind.Tls;
            call.BDestination = address;
            call.BConnection = null;
            return true;
        }

        if (binding.Kind == SipTransportKind.Tls)
        {
            return false; // registered over TLS, that connection is gone and the Contact does not ask for TLS: not in the clear
        }

        if (binding.Kind == SipTransportKind.Tcp && !open && contact.Address is { } plain)
        {
            // The registering connection is gone: open one to the Contact's address (RFC 3261 §18.2.1, §19.1.4).
            call.BDestination = plain;
            call.BConnection = null;
        }

        return true;
    }

    /// <summary>The caller asked for SIPS and the callee's leg keeps it: TLS, or the switch's own hop to another partition.</summary>
    private static bool KeepsSips(Call call) => !AIsSips(call) || call.BKind is SipTransportKind.Tls or SipTransportKind.Internal;
}
