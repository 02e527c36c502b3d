using Centrex.Portal.Localization;
using Centrex.Portal.Features.Shared;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Customer.Dids;

/// <summary>
/// DIDs (seed 004, "DIDs (External Numbers)": DID, assigned to, monthly charges): each number of the customer, moved
/// to another of its lines through provisioning's validation (a line without SIP is refused with import's message).
/// Buying numbers from an inventory is the operator's: the switch has no DID inventory.
/// </summary>
public sealed class IndexModel(CustomerScope scope, DidChanges dids) : PageModel
{
    public IReadOnlyList<DidChanges.DidRow> Dids => dids.All();

    public IReadOnlyList<string> Lines => [.. scope.View.Accounts.Select(a => a.Id).Order(StringComparer.Ordinal)];

    public string Currency => scope.Customer.Currency;

    public string? Error { get; private set; }

    /// <summary>The table's sortable columns.</summary>
    public static TableSort<DidChanges.DidRow> Sorting { get; } = new("did", defaultDescending: false,
        [("did", d => d.Number), ("line", d => d.Line), ("fee", d => d.MonthlyFee?.Value)]);

    /// <summary>The page of numbers shown, in the URL's order.</summary>
    public Paged<DidChanges.DidRow> Result => field ??= Sorting.Page(Request.Query, Dids);

    public void OnGet()
    {
    }

    public IActionResult OnPost(string? did, string? line)
    {
        var result = dids.Assign(did ?? string.Empty, line ?? string.Empty);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Done)
        {
            Error = result.Message;
            return Page();
        }

        TempData["Saved"] = Translation.Of(HttpContext, "+{0} now rings line {1}.", did?.TrimStart('+'), line);
        return RedirectToPage();
    }
}
