using System.Security.Claims;
using Centrex.Portal.Data;
using Centrex.Portal.Security;
using Centrex.Provisioning.Model;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Features.Customer.DialPlan;

/// <summary>
/// Changes to the customer's dial plan (seed 004, Abbreviated Dialing and Dialing Rules): the customer is the
/// session's (<see cref="CustomerScope"/>), and each change goes through provisioning's validation like
/// <c>provision import</c>, so a code the switch could not dial is refused with import's message.
/// </summary>
public sealed class DialPlanChanges(CustomerScope scope, ProvisioningChanges changes, IHttpContextAccessor http)
{
    private string Source => $"portal ({http.HttpContext?.User.FindFirstValue(PortalClaims.Login)})";

    /// <summary>Sets how the customer's users dial.</summary>
    public ProvisioningChanges.Result SetRules(DialingRules rules) => Save(scope.Customer.DialPlan with { DialingRules = rules });

    /// <summary>
    /// Adds or replaces the abbreviated number <paramref name="code"/>; an empty <paramref name="dial"/> dials the code
    /// as is (seed 004: "If you leave this field blank, then the abbreviated number is considered to be a direct number").
    /// </summary>
    public ProvisioningChanges.Result SetAbbreviated(string code, string dial)
    {
        var table = new Dictionary<string, string>(scope.Customer.DialPlan.AbbreviatedDialing, StringComparer.Ordinal) { [code] = dial };
        return Save(scope.Customer.DialPlan with { AbbreviatedDialing = table });
    }

    /// <summary>Removes the abbreviated number; false when the customer has no such code.</summary>
    public ProvisioningChanges.Result? DeleteAbbreviated(string code)
    {
        var table = new Dictionary<string, string>(scope.Customer.DialPlan.AbbreviatedDialing, StringComparer.Ordinal);
        return table.Remove(code) ? Save(scope.Customer.DialPlan with { AbbreviatedDialing = table }) : null;
    }

    private ProvisioningChanges.Result Save(CustomerDialPlan plan) => changes.Customer(Source, scope.Customer with { DialPlan = plan });
}
