using System.Globalization;
using System.Security.Claims;
using Centrex.Portal.Data;
using Centrex.Portal.Features.Sessions;
using Centrex.Portal.Security;
using Centrex.Provisioning.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Customer.Profile;

/// <summary>
/// My Profile (seed 004: General, Settings, Change Password; issue 16: contact info, time zone, language, web password,
/// SIP password of each line). Contact and zone go through provisioning's validation; a new web password ends every
/// other session of the login.
/// </summary>
public sealed class IndexModel(CustomerScope scope, ProvisioningChanges changes, UserStore users, PortalData data) : PageModel
{
    public Provisioning.Model.Customer Customer => scope.Customer;

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string Language => users.Get(UserId)?.Language ?? "en";

    public IReadOnlyList<string> SipLines => [.. scope.View.Accounts.Where(a => a.Sip is not null).Select(a => a.Id)];

    private long UserId => long.Parse(User.FindFirstValue(PortalClaims.UserId)!, CultureInfo.InvariantCulture);

    public void OnGet()
    {
    }

    public IActionResult OnPostGeneral(string? contact, string? email, string? time_zone)
    {
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal) || email.Length > 200)
        {
            Errors["email"] = "an email address";
        }

        if (contact is { Length: > 100 })
        {
            Errors["contact"] = "at most 100 characters";
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var result = changes.Customer($"portal ({User.FindFirstValue(PortalClaims.Login)})",
            scope.Customer with { Contact = contact?.Trim() ?? string.Empty, Email = email!.Trim(), TimeZone = time_zone?.Trim() ?? string.Empty });
        if (!result.Done)
        {
            Errors[result.Field ?? (result.Message!.Contains("time_zone", StringComparison.Ordinal) ? "time_zone" : string.Empty)] = result.Message!;
            return Page();
        }

        TempData["Saved"] = "Profile saved.";
        return RedirectToPage();
    }

    public IActionResult OnPostLanguage(string? language)
    {
        users.SetLanguage(UserId, language is "fr" ? "fr" : "en");
        TempData["Saved"] = "Language saved.";
        return RedirectToPage();
    }

    public IActionResult OnPostPassword(string? current, string? @new)
    {
        var user = users.Get(UserId)!;
        if (string.IsNullOrEmpty(current) || !PasswordHashing.Verify(user.PasswordHash, current))
        {
            Errors["current"] = "this is not your current password";
        }

        if (PasswordHashing.Problem(@new) is { } problem)
        {
            Errors["new"] = problem;
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        // Every session of the login ends (a password changed because it leaked must shut the other holder out); this
        // browser gets a new one.
        users.SetPassword(user.Id, PasswordHashing.Hash(@new!), data.Clock.GetCurrentInstant());
        LoginModel.SignIn(HttpContext, users, data.Clock, user);
        TempData["Saved"] = "Password changed; your other sessions are ended.";
        return RedirectToPage();
    }
}
