using Centrex.Provisioning.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Customer.IncomingCalls;

/// <summary>
/// Incoming Calls (seed 004, IP Centrex: "Ext-to-Ext call distinctive ring", "Group Pickup Prefix"; Call Parking's park
/// and release prefixes; General's "Paging / Intercom Prefix"): the customer's prefixes, shown and changed through
/// provisioning's validation, its message beside the prefix it is about.
/// </summary>
public sealed class IndexModel(FeatureChanges changes) : PageModel
{
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>What the form shows: the customer's features, or what was typed when it was refused.</summary>
    public CustomerFeatures Features { get; private set; } = CustomerFeatures.Default;

    public void OnGet() => Features = changes.Current;

    public IActionResult OnPost([FromForm(Name = "pickup_prefix")] string? pickup, [FromForm(Name = "park_prefix")] string? park, [FromForm(Name = "release_prefix")] string? release,
        [FromForm(Name = "paging_prefix")] string? paging, [FromForm(Name = "ext_distinctive_ring")] bool distinctiveRing)
    {
        Features = new CustomerFeatures(Trim(pickup), Trim(park), Trim(release), Trim(paging), distinctiveRing);
        foreach (var (field, value) in new[] { ("pickup_prefix", Features.PickupPrefix), ("park_prefix", Features.ParkPrefix), ("release_prefix", Features.ReleasePrefix), ("paging_prefix", Features.PagingPrefix) })
        {
            if (value.Length == 0)
            {
                // Each feature is always on in the switch: an empty prefix would match every number dialed.
                Errors[field] = "the prefix your users dial for it (1 to 6 characters)";
            }
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var result = changes.Set(Features);
        if (result.Done)
        {
            TempData["Saved"] = "Incoming calls settings saved.";
            return RedirectToPage();
        }

        Errors[result.Field ?? string.Empty] = result.Message!;
        return Page();
    }

    private static string Trim(string? text) => text?.Trim() ?? string.Empty;
}
