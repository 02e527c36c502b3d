using Centrex.Portal.Localization;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Customer.DialPlan;

/// <summary>
/// Abbreviated Dialing (seed 004: "Abbreviated #", "# to Dial" — an account id, an E.164 number, or blank for "dial as
/// is"): the customer's table, added to, changed and deleted through provisioning's validation (import's message beside
/// the field it is about).
/// </summary>
public sealed class AbbreviatedDialingModel(CustomerScope scope, DialPlanChanges changes) : PageModel
{
    public IReadOnlyList<(string Code, string Dial)> Entries =>
        [.. scope.Customer.DialPlan.AbbreviatedDialing.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, e.Value))];

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Code { get; private set; }

    public string? Dial { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost(string? code, string? dial)
    {
        (Code, Dial) = (code?.Trim(), dial?.Trim() ?? string.Empty);
        if (string.IsNullOrEmpty(Code))
        {
            Errors["code"] = "the number your users dial";
            return Page();
        }

        var result = changes.SetAbbreviated(Code, Dial);
        if (result.Done)
        {
            TempData["Saved"] = Translation.Of(HttpContext, "Abbreviated number {0} saved.", Code);
            return RedirectToPage();
        }

        // Import's messages name the field: abbreviated_dialing.dial (what it dials), else the code (its own rules, the
        // cap, or a feature prefix it meets: the code is what this form changed).
        Errors[result.Field == "dial" ? "dial" : "code"] = result.Message!;
        return Page();
    }

    public IActionResult OnPostDelete(string? code)
    {
        var result = changes.DeleteAbbreviated(code ?? string.Empty);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Done)
        {
            Errors[string.Empty] = result.Message!;
            return Page();
        }

        TempData["Saved"] = Translation.Of(HttpContext, "Abbreviated number {0} deleted.", code);
        return RedirectToPage();
    }
}
