using Centrex.Portal.Localization;
using Centrex.Portal.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Customer.Huntgroups;

/// <summary>
/// Huntgroups (seed 004: the table of Huntgroup Number, Name, Hunt Sequence, Assigned Extensions, Caller ID, Call Pickup
/// Allowed, with Add and Delete): the customer's groups, a new one added (then its members on its own page), one deleted.
/// </summary>
public sealed class IndexModel(HuntGroupChanges changes) : PageModel
{
    public HuntGroupChanges Groups => changes;

    /// <summary>The table's sortable columns.</summary>
    public static TableSort<Provisioning.Model.HuntGroup> Sorting { get; } = new("number", defaultDescending: false,
    [
        ("number", g => g.Number), ("name", g => g.Name), ("sequence", g => g.Sequence.ToString()), ("caller_id", g => g.CallerId.ToString()), ("pickup", g => g.PickupAllowed),
    ]);

    /// <summary>The page of huntgroups shown, in the URL's order.</summary>
    public Paged<Provisioning.Model.HuntGroup> Result => field ??= Sorting.Page(Request.Query, changes.Groups);

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public HuntGroupSettings Values { get; private set; } = HuntGroupSettings.New;

    public void OnGet()
    {
    }

    public IActionResult OnPost(string? number, string? name, string? sequence, [FromForm(Name = "caller_id")] string? callerId,
        [FromForm(Name = "pickup_allowed")] bool pickupAllowed, [FromForm(Name = "no_answer")] string? noAnswer)
    {
        Values = new HuntGroupSettings(number, name, sequence, callerId, pickupAllowed, noAnswer);
        var (result, id) = changes.Create(Values, Errors);
        if (result.Done)
        {
            TempData["Saved"] = Translation.Of(HttpContext, "Huntgroup {0} added: now add its extensions.", number?.Trim());
            return RedirectToPage("Edit", new { id });
        }

        if (result.Message is { } message)
        {
            Errors[result.Field ?? string.Empty] = message;
        }

        return Page();
    }

    public IActionResult OnPostDelete(string? id)
    {
        var group = changes.Find(id ?? string.Empty);
        var result = group is null ? null : changes.Delete(group.Id);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Done)
        {
            Errors[string.Empty] = result.Message!;
            return Page();
        }

        TempData["Saved"] = Translation.Of(HttpContext, "Huntgroup {0} deleted.", group!.Number);
        return RedirectToPage();
    }
}
