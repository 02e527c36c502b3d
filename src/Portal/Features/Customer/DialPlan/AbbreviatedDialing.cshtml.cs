using Centrex.Portal.Localization;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Customer.DialPlan;

/// <summary>
/// Abbreviated Dialing (seed 004: "Abbreviated #", "# to Dial" — an account id, an E.164 number, or blank for "dial as
/// is" —, "Description", and the Abbreviated Number Length): the customer's table, added to, changed and deleted through provisioning's validation (import's message beside
/// the field it is about).
/// </summary>
public sealed class AbbreviatedDialingModel(CustomerScope scope, DialPlanChanges changes) : PageModel
{
    public IReadOnlyList<(string Code, string Dial, string? Description)> Entries =>
        [.. scope.Customer.DialPlan.AbbreviatedDialing.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, e.Value, scope.Customer.DialPlan.AbbreviatedDescriptions.GetValueOrDefault(e.Key)))];

    /// <summary>Seed 004's Abbreviated Number Length as saved, or as typed when refused.</summary>
    public string? Length { get; private set; }

    /// <summary>The table's sortable columns; by abbreviated number by default.</summary>
    public static Shared.TableSort<(string Code, string Dial, string? Description)> Sorting { get; } = new("code", defaultDescending: false,
        [("code", e => e.Code), ("dial", e => e.Dial), ("description", e => e.Description ?? string.Empty)]);

    /// <summary>The entries in the URL's order.</summary>
    public Shared.Paged<(string Code, string Dial, string? Description)> Shown => field ??= Sorting.Page(Request.Query, Entries);

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Code { get; private set; }

    public string? Dial { get; private set; }

    public string? Description { get; private set; }

    public void OnGet()
    {
        _ = Shown; // a bad sort is a 400 even when the table is empty
        Length = scope.Customer.DialPlan.AbbreviatedLength?.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Seed 004: "enter the maximum length of anticipated digits (e.g. 3 in the case of 123-like numbers) in the Abbreviated Number Length field".</summary>
    public IActionResult OnPostLength(string? length)
    {
        Length = length?.Trim();
        int? value = null;
        if (!string.IsNullOrEmpty(Length))
        {
            if (!int.TryParse(Length, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                Errors["length"] = $"'{Length}' is not a number of digits";
                Localization.Refusals.Note(HttpContext, "digits-count", Errors["length"], Length);
                return Page();
            }

            value = parsed;
        }

        var result = changes.SetAbbreviatedLength(value);
        if (result == Data.ProvisioningChanges.Result.NotFound)
        {
            return NotFound(); // the customer is no longer stored (removed while this request ran)
        }

        if (!result.Done)
        {
            Errors["length"] = result.Message!;
            return Page();
        }

        TempData["Saved"] = "Abbreviated Number Length saved.";
        return RedirectToPage();
    }

    public IActionResult OnPost(string? code, string? dial, string? description)
    {
        OnGet();
        (Code, Dial, Description) = (code?.Trim(), dial?.Trim() ?? string.Empty, description?.Trim());
        if (string.IsNullOrEmpty(Code))
        {
            Errors["code"] = "the number your users dial";
            return Page();
        }

        var result = changes.SetAbbreviated(Code, Dial, Description);
        if (result == Data.ProvisioningChanges.Result.NotFound)
        {
            return NotFound();
        }

        if (result.Done)
        {
            TempData["Saved"] = Translation.Of(HttpContext, "Abbreviated number {0} saved.", Code);
            return RedirectToPage();
        }

        // Import's messages name the field: abbreviated_dialing.dial (what it dials), the description, else the code (its
        // own rules, the cap, or a feature prefix it meets: the code is what this form changed).
        Errors[result.Field is "dial" or "description" ? result.Field : "code"] = result.Message!;
        return Page();
    }

    public IActionResult OnPostDelete(string? code)
    {
        OnGet();
        var result = changes.DeleteAbbreviated(code ?? string.Empty);
        if (result is null || result == Data.ProvisioningChanges.Result.NotFound)
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
