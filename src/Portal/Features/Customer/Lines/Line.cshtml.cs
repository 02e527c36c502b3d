using Centrex.Portal.Security;
using Centrex.Provisioning.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Customer.Lines;

/// <summary>One of the customer's lines (Edit Phone Line): its settings and its SIP password. Another customer's line is 404.</summary>
public sealed class LineModel(CustomerScope scope, LineChanges changes) : PageModel
{
    public Account Line { get; private set; } = null!;

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public IActionResult OnGet(string id)
    {
        if (scope.Line(id) is not { } line)
        {
            return NotFound();
        }

        Line = line;
        return Page();
    }

    public IActionResult OnPostPassword(string id, string? password)
    {
        var result = changes.SetSipPassword(id, password);
        if (result == LineChanges.NotFound)
        {
            return NotFound();
        }

        if (result.Done)
        {
            TempData["Saved"] = "SIP password saved. Enter it in the phone.";
            return RedirectToPage(new { id });
        }

        Errors[result.Field ?? "password"] = result.Message!;
        Line = scope.Line(id)!;
        return Page();
    }
}
