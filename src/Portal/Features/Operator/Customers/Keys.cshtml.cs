using Centrex.Portal.Display;
using Centrex.Provisioning.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Operator.Customers;

/// <summary>
/// A customer's API keys on the operator's side (reached from the customer's page): the list, a new key for the
/// customer's script (<c>me:read</c>/<c>me:write</c>; its text shown in this answer only, as on My Profile and as
/// <c>centrex apikey create --customer ID</c> prints it) and revocation, through <see cref="CustomerKeyDesk"/> as
/// <c>/api/v1/operator/customers/{id}/api-keys</c> does. A refusal is shown beside the field it is about.
/// </summary>
public sealed class KeysModel(CustomerKeyDesk desk) : PageModel
{
    /// <summary>The customer.</summary>
    public string CustomerId { get; private set; } = string.Empty;

    /// <summary>Its keys, revoked ones included.</summary>
    public IReadOnlyList<ApiKey> Keys => desk.List(CustomerId);

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>A key just made: its whole text, in this answer only (only its hash is kept).</summary>
    public string? NewKey { get; private set; }

    /// <summary>The label typed, kept when the form is refused.</summary>
    public string? Name { get; private set; }

    /// <summary>Times are shown in UTC here: the operator's page, not the customer's.</summary>
    public static string Time(NodaTime.Instant instant) => Show.Time(instant, NodaTime.DateTimeZone.Utc);

    public IActionResult OnGet(string? id) => Load(id) ? Page() : NotFound();

    public IActionResult OnPostCreate(string? id, string? name, string[]? scopes)
    {
        if (!Load(id))
        {
            return NotFound();
        }

        var (key, text) = desk.Create(CustomerId, name, scopes, Errors);
        if (key is null)
        {
            Name = name;
            return Page();
        }

        // In this answer, not through a redirect: TempData would carry the secret in a cookie.
        NewKey = text;
        return Page();
    }

    public IActionResult OnPostRevoke(string? id, string? key)
    {
        if (!Load(id))
        {
            return NotFound();
        }

        if (key is null || !desk.Revoke(CustomerId, key))
        {
            Errors["key"] = "no such working key of this customer";
            return Page();
        }

        TempData["Saved"] = Localization.Translation.Of(HttpContext, "Key {0} revoked.", key);
        return RedirectToPage(new { id = CustomerId });
    }

    private bool Load(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || !desk.Exists(id.Trim()))
        {
            return false;
        }

        CustomerId = id.Trim();
        return true;
    }
}
