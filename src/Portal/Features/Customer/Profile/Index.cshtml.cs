using Centrex.Portal.Localization;
using System.Globalization;
using System.Security.Claims;
using Centrex.Portal.Security;
using Centrex.Provisioning.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Customer.Profile;

/// <summary>
/// My Profile (seed 004: General, Settings, Change Password; issue 16: contact info, time zone, language, web password,
/// SIP password of each line). The changes are <see cref="ProfileChanges"/>'s, as <c>/api/v1/me/profile</c> makes them.
/// </summary>
public sealed class IndexModel(CustomerScope scope, ProfileChanges profile, UserStore users, CustomerKeys keys) : PageModel
{
    public Provisioning.Model.Customer Customer => scope.Customer;

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public NodaTime.DateTimeZone Zone => scope.Zone;

    public string Language => users.Get(UserId)?.Language ?? "en";

    public IReadOnlyList<string> SipLines => [.. scope.View.Accounts.Where(a => a.Sip is not null).Select(a => a.Id)];

    /// <summary>The customer's API keys (issue 16: customer routes take "session or key").</summary>
    public IReadOnlyList<ApiKey> Keys => keys.List();

    /// <summary>A key just made: its whole text, shown on this answer only (never kept: only its hash is).</summary>
    public string? NewKey { get; private set; }

    private long UserId => long.Parse(User.FindFirstValue(PortalClaims.UserId)!, CultureInfo.InvariantCulture);

    public void OnGet()
    {
    }

    public IActionResult OnPostGeneral(string? contact, string? email, string? time_zone)
    {
        Merge(profile.SaveGeneral(contact, email, time_zone));
        if (Errors.Count > 0)
        {
            return Page();
        }

        TempData["Saved"] = "Profile saved.";
        return RedirectToPage();
    }

    public IActionResult OnPostLanguage(string? language)
    {
        // The page's select offers only the known languages; anything else (a hand-made post) falls back to English.
        profile.SetLanguage(users.Get(UserId)!, language is { } l && ProfileChanges.Languages.Contains(l) ? l : "en");
        TempData["Saved"] = "Language saved.";
        return RedirectToPage();
    }

    public IActionResult OnPostPassword(string? current, string? @new)
    {
        Merge(profile.ChangePassword(users.Get(UserId)!, current, @new));
        if (Errors.Count > 0)
        {
            return Page();
        }

        TempData["Saved"] = "Password changed; your other sessions are ended.";
        return RedirectToPage();
    }

    public IActionResult OnPostCreateKey(string? name, string[]? scopes)
    {
        var (key, text) = keys.Create(name, scopes, Errors);
        if (key is null)
        {
            return Page();
        }

        // Shown in this answer, not through a redirect: TempData would carry the secret in a cookie.
        NewKey = text;
        return Page();
    }

    public IActionResult OnPostRevokeKey(string? id)
    {
        if (id is null || !keys.Revoke(id))
        {
            Errors["key"] = "no such key of yours that still works";
            return Page();
        }

        TempData["Saved"] = Translation.Of(HttpContext, "Key {0} revoked.", id);
        return RedirectToPage();
    }

    private void Merge(Dictionary<string, string> errors)
    {
        foreach (var (field, message) in errors)
        {
            Errors[field] = message;
        }
    }
}
