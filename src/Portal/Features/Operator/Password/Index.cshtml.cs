using System.Globalization;
using System.Security.Claims;
using Centrex.Portal.Features.Sessions;
using Centrex.Portal.Security;
using Centrex.Provisioning.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace Centrex.Portal.Features.Operator.Password;

/// <summary>
/// My password: the signed-in operator changes its own web password, the current one and a new one (review 16, item 14;
/// a customer does it on My Profile). <c>PUT /api/v1/operator/password</c> does the same (<see cref="OwnPassword"/>).
/// </summary>
public sealed class IndexModel(UserStore users, IClock clock) : PageModel
{
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public void OnGet()
    {
    }

    public IActionResult OnPost(string? current, string? @new)
    {
        var login = users.Get(long.Parse(User.FindFirstValue(PortalClaims.UserId)!, CultureInfo.InvariantCulture))!;
        foreach (var (field, message) in OwnPassword.Change(HttpContext, users, clock, login, current, @new))
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
