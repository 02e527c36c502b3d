using System.Globalization;
using System.Security.Claims;
using Centrex.Portal.Features.Customer.Profile;
using Centrex.Portal.Features.Sessions;
using Centrex.Portal.Localization;
using Centrex.Portal.Security;
using Centrex.Provisioning.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace Centrex.Portal.Features.Operator.Profile;

/// <summary>
/// The operator's own My Profile, one page as the customer's is (seed 004, My Profile: Settings, then Change Password):
/// the web interface language of the login, which every operator page follows from the next one on
/// (<c>centrex user language</c> sets it too), and its own web password, the current one and a new one (review 16,
/// item 14), as <c>PUT /api/v1/operator/password</c> changes it (<see cref="OwnPassword"/>). The former My password page
/// (<c>/operator/password</c>) sends here.
/// </summary>
public sealed class IndexModel(UserStore users, IClock clock) : PageModel
{
    public string Language => users.Get(UserId)?.Language ?? "en";

    /// <summary>The refusals by field (<c>language</c>, <c>current</c>, <c>new</c>).</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    private long UserId => long.Parse(User.FindFirstValue(PortalClaims.UserId)!, CultureInfo.InvariantCulture);

    public void OnGet()
    {
    }

    public IActionResult OnPostLanguage(string? language)
    {
        if (language is null || !ProfileChanges.Languages.Contains(language))
        {
            var languages = string.Join(", ", ProfileChanges.Languages);
            Errors["language"] = $"one of {languages}";
            Refusals.Note(HttpContext, "one-of", Errors["language"], languages);
            return Page();
        }

        users.SetLanguage(UserId, language);
        TempData["Saved"] = "Language saved.";
        return RedirectToPage();
    }

    public IActionResult OnPostPassword(string? current, string? @new)
    {
        foreach (var (field, message) in OwnPassword.Change(HttpContext, users, clock, users.Get(UserId)!, current, @new))
        {
            Errors[field] = message;
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        TempData["Saved"] = "Password changed; your other sessions are ended.";
        return RedirectToPage();
    }
}
