using System.Text;
using Centrex.Switch.Provisioning;
using Centrex.Switch.Sip;
using Centrex.Switch.Sip.Writing;

using CallDisposition = Centrex.Switch.Cdrs.CallDisposition;

namespace Centrex.Switch.Calls;

/// <summary>
/// The caller ID of a phone's calls (seed 001, "What phone number will they see?": the line's real number, the one chosen
/// in its preferences when it has several; seed 004 Identity: Hide CLI never / always / automatic; seed 003: the
/// <c>h</c> and <c>c1</c>, <c>c2</c>... suffixes). Toward a trunk or another customer the call shows the DID, asserted
/// with RFC 3325 P-Asserted-Identity (the switch and its trunks are one trust domain, §2.3); a hidden call shows the
/// RFC 3323 §4.1.1.3 anonymous From with <c>Privacy: id</c> and still asserts the DID to the trusted next hop, which
/// must withhold it from the called party (RFC 3325 §7). The internal account id never leaves the switch.
/// </summary>
internal sealed partial class B2bua
{
    /// <summary>The From of a hidden call (RFC 3323 §4.1.1.3).</summary>
    private const string AnonymousFrom = "\"Anonymous\" <sip:anonymous@anonymous.invalid>";

    /// <summary>
    /// Chooses what <paramref name="call"/> shows; false (and the call refused 403) when <c>cN</c> names a DID the line
    /// does not have: the caller asked for a number, and sending another would be a surprise.
    /// </summary>
    private bool TryIdentify(ISwitchDirectory directory, Call call, SwitchAccount caller, DialedIdentity asked, SipMessage request)
    {
        var dids = caller.Dids;
        string? number;
        if (asked.CallerIdIndex is { } n)
        {
            if (n < 1 || n > dids.Count)
            {
                Refuse(call, 403, $"Forbidden (caller ID c{n}: the line has {dids.Count} number{(dids.Count == 1 ? "" : "s")})", CallDisposition.Failed);
                return false;
            }

            number = dids[n - 1];
        }
        else
        {
            // A line without a DID shows its customer's main number, if it has one (seed 001: "By default you will send
            // out the standard dedicated caller ID number").
            number = caller.Identity.CallerId is { } chosen && dids.Contains(chosen) ? chosen : dids.Count > 0 ? dids[0]
                : directory.FindCustomer(caller.CustomerId)?.CallerId;
        }

        var hidden = caller.Identity.HideCli switch
        {
            HideCli.Never => false, // "Privacy service is not permitted": not the suffix, the prefix or the phone's header
            HideCli.Always => true,
            _ => asked.Hide ?? PhoneAsksPrivacy(request),
        };
        call.Identity = new CallerIdentity(number, hidden);
        return true;
    }

    /// <summary>
    /// Whether the phone itself asked for privacy: a <c>Privacy</c> header with <c>id</c>, <c>user</c> or <c>header</c>
    /// (RFC 3323 §4.2, RFC 3325 §9.3), or an anonymous From (§4.1.1.3).
    /// </summary>
    private static bool PhoneAsksPrivacy(SipMessage request) => PrivacyRequested(request) || IsAnonymousUri(request);

    /// <summary>A <c>Privacy</c> header asking to withhold the identity: <c>id</c>, <c>user</c> or <c>header</c> (RFC 3323 §4.2).</summary>
    private static bool PrivacyRequested(SipMessage request)
    {
        var privacy = Header(request, "Privacy");
        if (privacy.IsEmpty)
        {
            return false;
        }

        foreach (var token in Encoding.ASCII.GetString(privacy).Split(';', ',', ' '))
        {
            if (token.Trim().ToLowerInvariant() is "id" or "user" or "header")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An anonymous or absent caller: the From user <c>anonymous</c> (any case) or empty, or the host <c>anonymous.invalid</c>.</summary>
    private static bool IsAnonymousUri(SipMessage request)
    {
        var user = request[request.From.Uri.User];
        return user.IsEmpty || Ascii.EqualsIgnoreCase(user, "anonymous"u8) || Ascii.EqualsIgnoreCase(request[request.From.Uri.Host], "anonymous.invalid"u8);
    }

    /// <summary>
    /// The From of the callee's leg and the identity headers that go with it: the DID toward a trunk or another customer
    /// (the account id only between two lines of one customer, as before), anonymous when hidden.
    /// </summary>
    private (string From, string? Headers) OutgoingIdentity(Call call, string display, string local)
    {
        // A leg of a fork (a flow, a hunt group, forwarding) shows what its call shows; a hunt group may show its number.
        var caller = call.LegCaller ?? call.Info.Caller;
        if ((call.Identity ?? call.Parent?.Identity) is not { } identity)
        {
            return ($"{display}<sip:{caller}@{local}>", null);
        }

        var forwardedOut = call.Parent is not null && call.Target.Kind != RingTargetKind.Account;
        var leavesCustomer = call.Info.Direction == CallDirection.Outgoing || call.HandedOver || forwardedOut
            || call.CrossCustomer || call.Parent?.CrossCustomer == true;
        var asserted = identity.Number is { } did && leavesCustomer ? $"P-Asserted-Identity: <sip:+{did}@{local}>\r\n" : null;
        if (identity.Hidden)
        {
            // The trusted next hop learns who calls (PAI), the called party does not (RFC 3325 §7, RFC 3323 §4.1).
            return (AnonymousFrom, "Privacy: id\r\n" + asserted);
        }

        if (!leavesCustomer)
        {
            return ($"{display}<sip:{caller}@{local}>", null);
        }

        // A line without a DID has no number the public network could call back: it is sent as unavailable rather
        // than as the internal account id (RFC 3323 §4.1.1.3's anonymous URI, with no Privacy: nothing is withheld).
        return identity.Number is { } number ? ($"{display}<sip:+{number}@{local}>", asserted) : ("<sip:anonymous@anonymous.invalid>", null);
    }

    private static void AppendIdentityHeaders(SipBuilder b, string? headers)
    {
        if (headers is not null)
        {
            b.Text(headers);
        }
    }
}
