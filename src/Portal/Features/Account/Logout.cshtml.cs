using Centrex.Portal.Security;
using Centrex.Provisioning.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Sessions;

/// <summary>Logout (seed 004: "The Logout button that terminates your current session"): the session ends on the server, not only in the browser.</summary>
public sealed class LogoutModel(UserStore users) : PageModel
{
    public IActionResult OnGet() => Redirect("/account/login");

    public IActionResult OnPost()
    {
        if (Request.Cookies.TryGetValue(SessionAuthentication.CookieName, out var token))
        {
            users.EndSession(token);
        }

        SessionAuthentication.DeleteCookie(HttpContext);
        return Redirect("/account/login");
    }
}
