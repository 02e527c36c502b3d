using System.Text;
using Centrex.Switch.Sip;

namespace Centrex.Switch.Calls;

/// <summary>
/// A call from one customer's line to another customer's in another partition is handed over through the rings and
/// recorded by the callee's partition alone (one CDR, on the called line: README-callctl.md). That partition knows the
/// caller only by the From the caller's partition presents (a DID, or anonymous) and the number only by the account
/// the Request-URI names, so the calling line's account id and what it dialed travel in <see cref="CallingAccountHeader"/>
/// and <see cref="DialedHeader"/>: written only on the switch's own internal transport, read only from it
/// (the same header on an INVITE from outside is never believed), never sent on to a phone (a leg's INVITE copies only
/// the headers LegInviteWriter names). The CDR names that line as the caller and the number as dialed, as it does for a
/// call between two lines of one partition, so both customers' Call Logs can show the call (issue 16); what the call is
/// routed and rated by (the called account) is unchanged.
/// </summary>
internal sealed partial class B2bua
{
    private static ReadOnlySpan<byte> CallingAccountHeader => "X-Centrex-Calling-Account"u8;

    /// <summary>What the caller dialed (the Request-URI of a handed-over INVITE names the called account instead).</summary>
    private static ReadOnlySpan<byte> DialedHeader => "X-Centrex-Dialed"u8;

    /// <summary>The value of the internal header <paramref name="name"/> a handed-over INVITE carries, or null.</summary>
    private static string? InternalHeader(SipMessage request, ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < request.HeaderCount; i++)
        {
            var header = request.Header(i);
            if (header.Kind == SipHeaderKind.Other && Ascii.EqualsIgnoreCase(request[header.Name], name))
            {
                var value = request.Text(header.Value).Trim();
                return value.Length == 0 ? null : value;
            }
        }

        return null;
    }
}
