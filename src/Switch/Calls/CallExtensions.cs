using Centrex.Switch.Sip;

namespace Centrex.Switch.Calls;

/// <summary>Small reads on a call's stored messages.</summary>
internal static class CallExtensions
{
    /// <summary>The Request-URI the INVITE went to (a CANCEL must use the same, §9.1).</summary>
    public static string BRemoteTargetAtInvite(this Call call, SipMessage invite) => invite.Text(invite.RequestUri.Whole);
}
