using System.Net;
using Centrex.Switch.Sip.Writing;
using Centrex.Switch.Transport;

namespace Centrex.Switch.Calls;

/// <summary>
/// What every message the switch writes repeats: its own address per transport and its Contact, as text made once per
/// partition rather than per message (an <see cref="IPEndPoint"/>'s text and the interpolated Contact were two strings
/// in every INVITE, ACK, BYE, 180 and 200), and the builder the partition's messages are written into.
/// </summary>
internal sealed partial class B2bua
{
    private readonly LegInviteWriter _inviteWriter = new();

    /// <summary>One builder for the B side's in-dialog requests (ACK, BYE, CANCEL, relayed requests): taken as bytes at once.</summary>
    private readonly SipBuilder _requestBuilder = new(2048);

    // Per transport kind (the enum's values are small): the endpoint the text was made from, and the texts.
    private readonly IPEndPoint?[] _localEndpoints = new IPEndPoint?[8];
    private readonly string?[] _localTexts = new string?[8];
    private readonly string?[] _contacts = new string?[16];

    /// <summary>The switch's address for <paramref name="kind"/> as text; made again only if the transport's endpoint changes.</summary>
    private string LocalText(SipTransportKind kind)
    {
        var endpoint = _stack.LocalEndpointFor(kind);
        var i = (int)kind;
        if (!ReferenceEquals(_localEndpoints[i], endpoint) || _localTexts[i] is null)
        {
            _localEndpoints[i] = endpoint;
            _localTexts[i] = endpoint.ToString();
            _contacts[2 * i] = null;
            _contacts[(2 * i) + 1] = null;
        }

        return _localTexts[i]!;
    }

    /// <summary>Our Contact for <paramref name="kind"/> (a <c>sips:</c> one when the dialog is secure), made once per partition.</summary>
    private string OurContact(SipTransportKind kind, bool sips)
    {
        _ = LocalText(kind); // drops the cached contacts if the endpoint changed
        var i = (2 * (int)kind) + (sips ? 1 : 0);
        return _contacts[i] ??= SipTransportNames.Contact(kind, _stack.LocalEndpointFor(kind), sips);
    }
}
