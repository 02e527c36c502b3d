using Centrex.Portal.Localization;
using Centrex.Portal.Features.Customer.Lines;
using Centrex.Portal.Features.Shared;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Account = Centrex.Provisioning.Model.Account;

namespace Centrex.Portal.Features.Customer.Extensions;

/// <summary>
/// Extensions (seed 004, IP Centrex › Extensions: number, name, the phone line it is assigned to): each change goes through
/// provisioning's validation (digits only, unique in the customer, not an emergency number, a line of the switch).
/// </summary>
public sealed class IndexModel(CustomerScope scope, LineChanges changes) : PageModel
{
    public IReadOnlyList<Account> Lines => [.. scope.View.Accounts.Where(a => a.Sip is not null).OrderBy(a => a.Extension ?? "~", StringComparer.Ordinal)];

    /// <summary>The table's sortable columns.</summary>
    public static TableSort<Account> Sorting { get; } = new("extension", defaultDescending: false,
        [("line", a => a.Id), ("extension", a => a.Extension), ("name", a => a.ExtensionName)]);

    /// <summary>The page of lines shown, in the URL's order.</summary>
    public Paged<Account> Result => field ??= Sorting.Page(Request.Query, Lines);

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Editing { get; private set; }

    public string? Number { get; private set; }

    public string? Name { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost(string? line, string? extension, string? name)
    {
        var number = string.IsNullOrWhiteSpace(extension) ? null : extension.Trim();
        var result = changes.SetExtension(line ?? string.Empty, number, string.IsNullOrWhiteSpace(name) ? null : name.Trim());
        if (result == LineChanges.NotFound)
        {
            return NotFound();
        }

        if (result.Done)
        {
            TempData["Saved"] = Translation.Of(HttpContext, "Extension of line {0} saved.", line);
            return RedirectToPage();
        }

        // Provisioning's messages about a line's extension name it ("extension '10a' is not 1 to 15 digits"); the name's
        // is about the name field.
        (Editing, Number, Name) = (line, extension, name);
        Errors[ExtensionsApi.FieldOf(result)] = result.Message!;
        return Page();
    }
}
