using System.Globalization;
using System.Security.Claims;
using Centrex.Portal.Features.Customer.Profile;
using Centrex.Portal.Security;
using Centrex.Provisioning.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Operator.Profile;

/// <summary>
/// The operator's own settings: the web interface language of the login (seed 004, Settings, as a customer's My Profile
/// has it), which every operator page follows from the next one on; <c>centrex user language</c> sets it too.
/// </summary>
public sealed class IndexModel(UserStore users) : PageModel
{
    public string Language => users.Get(UserId)?.Language ?? "en";

    public string? Error { get; private set; }

    private long UserId => long.Parse(User.FindFirstValue(PortalClaims.UserId)!, CultureInfo.InvariantCulture);

    public void OnGet()
    {
    }

    public IActionResult OnPostLanguage(string? language)
    {
        if (language is null || !ProfileChanges.Languages.Contains(language))
        {
            Error = $"one of {string.Join(", ", ProfileChanges.Languages)}";
            return Page();
        }

        users.SetLanguage(UserId, language);
        TempData["Saved"] = "Language saved.";
        return RedirectToPage();
    }
}
