using Centrex.Portal.Security;
using Centrex.Provisioning.Access;
using Microsoft.AspNetCore.Http;
using NodaTime;

namespace Centrex.Portal.Features.Sessions;

/// <summary>
/// A signed-in login changes its own web password: the current one checked, the new one checked by
/// <see cref="PasswordHashing.Problem"/>; every session of the login ends (a password changed because it leaked must
/// shut the other holder out) and this client gets a new one. The customer's My Profile and the operator's My Profile
/// (review 16, item 14: the operator had no way to change its own) do it through here, on their pages and the API.
/// </summary>
public static class OwnPassword
{
    /// <summary>Changes it; the errors by field (<c>current</c>, <c>new</c>), empty when changed.</summary>
    public static Dictionary<string, string> Change(HttpContext context, UserStore users, IClock clock, PortalUser login, string? current, string? @new)
    {
        ArgumentNullException.ThrowIfNull(login);
        ArgumentNullException.ThrowIfNull(users);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(current) || !PasswordHashing.Verify(login.PasswordHash, current))
        {
            errors["current"] = "this is not your current password";
        }

        if (PasswordHashing.Problem(@new) is { } problem)
        {
            errors["new"] = problem;
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        users.SetPassword(login.Id, PasswordHashing.Hash(@new!), clock.GetCurrentInstant());
        LoginModel.SignIn(context, users, clock, login);
        return errors;
    }
}
