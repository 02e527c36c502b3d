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
    public ProvisioningChanges.Result SetRules(DialingRules rules) => Save(plan => plan with { DialingRules = rules });

    /// <summary>Sets how the customer's users dial and the rules' parameters (seed 004: prefixes, codes, local lengths, Custom Rule).</summary>
    public ProvisioningChanges.Result SetRules(DialingRules rules, DialingParameters parameters) =>
        Save(plan => plan with { DialingRules = rules, Dialing = parameters });

    /// <summary>Sets seed 004's Abbreviated Number Length (null: not set).</summary>
    public ProvisioningChanges.Result SetAbbreviatedLength(int? length) => Save(plan => plan with { AbbreviatedLength = length });

    /// <summary>Adds or replaces the abbreviated number with its description (seed 004's Description column; empty or null: none).</summary>
    public ProvisioningChanges.Result SetAbbreviated(string code, string dial, string? description) => Save(plan =>
    {
        var table = new Dictionary<string, string>(plan.AbbreviatedDialing, StringComparer.Ordinal) { [code] = dial };
        var descriptions = new Dictionary<string, string>(plan.AbbreviatedDescriptions, StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(description))
        {
            descriptions.Remove(code);
        }
        else
        {
            descriptions[code] = description.Trim();
        }

        return plan with { AbbreviatedDialing = table, AbbreviatedDescriptions = descriptions };
    });

    /// <summary>
    /// Adds or replaces the abbreviated number <paramref name="code"/>; an empty <paramref name="dial"/> dials the code
    /// as is (seed 004: "If you leave this field blank, then the abbreviated number is considered to be a direct number").
    /// </summary>
    public ProvisioningChanges.Result SetAbbreviated(string code, string dial) =>
        Save(plan => plan with { AbbreviatedDialing = new Dictionary<string, string>(plan.AbbreviatedDialing, StringComparer.Ordinal) { [code] = dial } });

    /// <summary>Removes the abbreviated number; false when the customer has no such code.</summary>
    public ProvisioningChanges.Result? DeleteAbbreviated(string code)
    {
        if (!scope.Customer.DialPlan.AbbreviatedDialing.ContainsKey(code))
        {
            return null;
        }

        return Save(plan =>
        {
            var table = new Dictionary<string, string>(plan.AbbreviatedDialing, StringComparer.Ordinal);
            table.Remove(code);
            var descriptions = plan.AbbreviatedDescriptions.Where(e => e.Key != code).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
            return plan with { AbbreviatedDialing = table, AbbreviatedDescriptions = descriptions };
        });
    }

    // The table is one field of the customer's record: the change is made to the record as it is when the change runs
    // (inside ProvisioningChanges' lock), not as this request first read it, so two changes sent at once both land
    // (they overwrote each other: 38 codes answered 204, 9 stored). A customer no longer stored then is not found: the
    // record this request read earlier is never written back (it would bring back a customer the operator removed).
    private ProvisioningChanges.Result Save(Func<CustomerDialPlan, CustomerDialPlan> change) =>
        changes.Customer(Source, scope.CustomerId, now => now with { DialPlan = change(now.DialPlan) });
}
