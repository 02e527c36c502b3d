using Centrex.Switch.Provisioning;
using Centrex.Switch.Routing;

namespace Centrex.Switch.Calls;

/// <summary>
/// How the callee's phone is told to ring (issue 15, seed 004). Paging/intercom (the customer's paging prefix before
/// an extension): the phone answers at once on its speaker. Phones read this from one of three headers, so all three
/// go: <c>Call-Info: &lt;sip:switch&gt;;answer-after=0</c> (Polycom, Snom, Yealink, Grandstream),
/// <c>Alert-Info: &lt;http://switch/&gt;;info=alert-autoanswer;delay=0</c> (Cisco/BroadSoft style) and
/// <c>Answer-Mode: Auto</c> (RFC 5373 §6). Ext-to-Ext distinctive ring (seed 004, Incoming Calls; on by default): a call
/// from one of the customer's phones to another carries <c>Alert-Info: &lt;urn:alert:source:internal&gt;</c>
/// (RFC 7462 §4.1.2, the "source" indication "internal"), which phones map to their internal ring pattern.
/// </summary>
internal sealed partial class B2bua
{
    private string? AlertFor(ISwitchDirectory directory, SwitchAccount? caller, SwitchAccount? callee, Route route)
    {
        if (caller is null || callee is null || route.Kind != RouteKind.Account || caller.CustomerId != callee.CustomerId)
        {
            return null; // only a customer's own phones calling each other
        }

        var local = _stack.LocalEndpoint;
        if (route.Paging)
        {
            return $"Call-Info: <sip:{local}>;answer-after=0\r\nAlert-Info: <http://{local}/>;info=alert-autoanswer;delay=0\r\nAnswer-Mode: Auto\r\n";
        }

        return directory.FindCustomer(caller.CustomerId)?.Features.ExtensionDistinctiveRing == true
            ? "Alert-Info: <urn:alert:source:internal>\r\n" : null;
    }
}
