using System.Text;
using Centrex.Switch.Sip;

namespace Centrex.Switch.Calls;

/// <summary>
/// A call from one customer's line to another customer's in another partition is handed over through the rings and
/// recorded by the callee's partition alone (one CDR, on the called line: README-callctl.md). That partition knows the
/// caller only by the From the caller's partition presents (a DID, or anonymous), so the calling line's account id
/// travels in <see cref="CallingAccountHeader"/>: written only on the switch's own internal transport, read only from it
/// (the same header on an INVITE from outside is never believed), never sent on to a phone (a leg's INVITE copies only
/// the headers LegInviteWriter names). The CDR names that line as the caller, as it does for a call between two lines
/// of one partition, so both customers' Call Logs can show the call (issue 16).
/// </summary>
internal sealed partial class B2bua
{
    private static ReadOnlySpan<byte> CallingAccountHeader => "X-Centrex-Calling-Account"u8;

    /// <summary>The calling line's account id a handed-over INVITE carries, or null.</summary>
    private static string? CallingAccountOf(SipMessage request)
    {
        for (var i = 0; i < request.HeaderCount; i++)
        {
            var header = request.Header(i);
            if (header.Kind == SipHeaderKind.Other && Ascii.EqualsIgnoreCase(request[header.Name], CallingAccountHeader))
            {
                var value = request.Text(header.Value).Trim();
                return value.Length == 0 ? null : value;
            }
        }

        return null;
    }
}
