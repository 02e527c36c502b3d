using Centrex.Portal.Localization;
using Centrex.Portal.Data;
using Centrex.Portal.Features.Shared;
using Centrex.Provisioning.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Operator.Logins;

/// <summary>
/// The portal's logins for the operator (issue 16: "password change and reset by the operator", "login lockout"): every
/// login with its role, customer, lockout and whether it is disabled; a new login for a customer or an operator; a reset
/// that makes up a new password, ends the login's sessions and lifts its lockout (as <c>centrex user passwd</c>); unlock,
/// disable and enable. Everything through <see cref="LoginDesk"/>, as <c>/api/v1/operator/logins</c> does it. A made-up
/// password is shown once, in the answer to the form, never kept anywhere but as its hash.
/// </summary>
public sealed class IndexModel(LoginDesk desk, PortalData data) : PageModel
{
    public IReadOnlyList<PortalUser> Users => desk.List();

    public NodaTime.Instant Now => data.Clock.GetCurrentInstant();

    /// <summary>The table's sortable columns.</summary>
    public static TableSort<PortalUser> Sorting { get; } = new("login", defaultDescending: false,
    [
        ("login", u => u.Login), ("role", u => Provisioning.Access.UserStore.RoleName(u.Role)), ("customer", u => u.CustomerId),
        ("locked", u => u.LockedUntil), ("status", u => u.Disabled),
    ]);

    /// <summary>The page of logins shown, in the URL's order.</summary>
    public Paged<PortalUser> Result => field ??= Sorting.Page(Request.Query, Users);

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>The login and its new password, after a create or a reset.</summary>
    public (string Login, string Password)? Made { get; private set; }

    public string? Login { get; private set; }

    public string? Customer { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnPostAdd(string? login, string? role, string? customer)
    {
        (Login, Customer) = (login?.Trim(), customer?.Trim());
        if (desk.Create(login, role ?? "customer", role == "operator" ? null : customer, null, Errors) is not { } made)
        {
            return Page();
        }

        Made = (made.User.Login, made.MadeUp!);
        (Login, Customer) = (null, null);
        return Page();
    }

    public IActionResult OnPostReset(string? login)
    {
        if (desk.Reset(login, null, Errors) is not { } made)
        {
            return NotFound();
        }

        Made = (made.User.Login, made.MadeUp!);
        return Page();
    }

    public IActionResult OnPostUnlock(string? login) => Done(desk.Unlock(login), Translation.Of(HttpContext, "Login {0} unlocked.", login ?? string.Empty));

    public IActionResult OnPostDisable(string? login) => Done(desk.SetDisabled(login, disabled: true), Translation.Of(HttpContext, "Login {0} disabled; its sessions are ended.", login ?? string.Empty));

    public IActionResult OnPostEnable(string? login) => Done(desk.SetDisabled(login, disabled: false), Translation.Of(HttpContext, "Login {0} enabled.", login ?? string.Empty));

    private IActionResult Done(bool found, string saved)
    {
        if (!found)
        {
            return NotFound();
        }

        TempData["Saved"] = saved;
        return RedirectToPage();
    }
}
