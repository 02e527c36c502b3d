using Centrex.Portal.Security;
using Centrex.Provisioning.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace Centrex.Portal.Features.Sessions;

/// <summary>
/// Login (seed 004: "Your ITSP will provide you with a URL and credentials"). A good password starts a new session
/// (a new token, whatever cookie came with the request: no session fixation) and ends the one the browser had;
/// wrong ones count towards the lockout.
/// </summary>
public sealed class LoginModel(LoginService logins, UserStore users, IClock clock) : PageModel
{
    [BindProperty]
    public string? Login { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Why the browser's session was ended, when it was sent here for that (<see cref="SessionAuthentication.CustomerRemovedReason"/>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Ended { get; set; }

    public string? Message { get; private set; }

    public void OnGet()
    {
        if (Ended == SessionAuthentication.CustomerRemovedReason)
        {
            Message = LoginService.CustomerRemovedMessage;
        }
    }

    public IActionResult OnPost()
    {
        var (outcome, user) = logins.Check(Login?.Trim(), Password, HttpContext.Connection.RemoteIpAddress);
        switch (outcome)
        {
            case LoginService.Outcome.Throttled:
                Message = "Too many login attempts from your address. Wait a few seconds and try again.";
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = "1";
                return Page();
            case LoginService.Outcome.Locked:
                var minutes = (int)LoginService.LockFor.TotalMinutes;
                Message = $"This login is locked for {minutes} minutes after {LoginService.LockAfter} wrong passwords. Your service provider can reset the password.";
                Localization.Refusals.Note(HttpContext, "login-locked", Message, minutes, LoginService.LockAfter);
                return Page();
            case LoginService.Outcome.Suspended:
                Message = LoginService.SuspendedMessage;
                Response.StatusCode = StatusCodes.Status403Forbidden;
                return Page();
            case LoginService.Outcome.CustomerRemoved:
                Message = LoginService.CustomerRemovedMessage;
                Response.StatusCode = StatusCodes.Status403Forbidden;
                return Page();
            case LoginService.Outcome.Disabled:
                Message = LoginService.DisabledMessage;
                Response.StatusCode = StatusCodes.Status403Forbidden;
                return Page();
            case LoginService.Outcome.Wrong:
                Message = "The login or the password is wrong.";
                return Page();
        }

        SignIn(HttpContext, users, clock, user!);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl is not "/" ? ReturnUrl! : user!.Role == UserRole.Operator ? "/operator" : "/customer");
    }

    /// <summary>Starts a new session for <paramref name="user"/>, ending the one the request carried.</summary>
    public static void SignIn(Microsoft.AspNetCore.Http.HttpContext context, UserStore users, IClock clock, PortalUser user)
    {
        if (context.Request.Cookies.TryGetValue(SessionAuthentication.CookieName, out var old))
        {
            users.EndSession(old);
        }

        var now = clock.GetCurrentInstant();
        var expires = now + SessionAuthentication.Lifetime;
        SessionAuthentication.WriteCookie(context, users.StartSession(user.Id, now, expires), expires);
    }
}
