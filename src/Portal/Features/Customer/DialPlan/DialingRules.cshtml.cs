using Centrex.Portal.Security;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Customer.DialPlan;

/// <summary>
/// Dialing Rules (seed 004: "By default, Dialing Rules are disabled ... the system identifies calls arriving from a user
/// as being in the E.164 format"; the sample "North America, 10 digit dialing"): the switch's two dial plans, chosen
/// by the customer, saved through provisioning's validation, with examples of what each means.
/// </summary>
public sealed class DialingRulesModel(CustomerScope scope, DialPlanChanges changes) : PageModel
{
    public DialingRules Rules { get; private set; }

    public string? Error { get; private set; }

    public void OnGet() => Rules = scope.Customer.DialPlan.DialingRules;

    public IActionResult OnPost(string? rules)
    {
        Rules = scope.Customer.DialPlan.DialingRules;
        if (rules is null || !WireNames.DialingRules.TryGetValue(rules, out var chosen))
        {
            Error = "choose one of the dialing rules";
            return Page();
        }

        var result = changes.SetRules(chosen);
        if (!result.Done)
        {
            Error = result.Message;
            return Page();
        }

        TempData["Saved"] = "Dialing rules saved.";
        return RedirectToPage();
    }
}
