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

    /// <summary>The table's sortable columns; by abbreviated number by default.</summary>
    public static Shared.TableSort<(string Code, string Dial)> Sorting { get; } = new("code", defaultDescending: false,
        [("code", e => e.Code), ("dial", e => e.Dial)]);

    /// <summary>The entries in the URL's order.</summary>
    public Shared.Paged<(string Code, string Dial)> Shown => field ??= Sorting.Page(Request.Query, Entries);

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Code { get; private set; }

    public string? Dial { get; private set; }

    public void OnGet() => _ = Shown; // a bad sort is a 400 even when the table is empty

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

        // Import's messages name the code ("'1a' is not 1 to 15 digits") or what it dials ("dials '...', which has spaces").
        Errors[result.Message!.Contains("dials", StringComparison.Ordinal) ? "dial" : "code"] = result.Message!;
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
