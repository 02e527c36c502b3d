using System.Security.Cryptography;
using Centrex.Portal.Data;
using Centrex.Portal.Security;
using Centrex.Provisioning.Access;
using NodaTime;

namespace Centrex.Portal.Features.Operator.Logins;

/// <summary>
/// What the operator does to the portal's logins, for the Logins page and <c>/api/v1/operator/logins</c> alike (issue 16:
/// "password change and reset by the operator", "login lockout"; whatever a page does is scriptable): list, create a
/// customer or operator login, reset a password, unlock, disable and enable. A password is kept only as its hash
/// (<see cref="PasswordHashing"/>); one the desk makes up is handed back once, to be read out to the user, and never again.
/// <c>centrex user</c> works through this desk too (on the store alone, no running portal), so the command line and the
/// operator's page can never disagree on what a disabled or unlocked login is.
/// </summary>
/// <param name="users">The logins.</param>
/// <param name="isCustomer">Whether a customer id is provisioned (a customer login needs one).</param>
/// <param name="clock">The clock that dates a new login or password.</param>
public sealed class LoginDesk(UserStore users, Func<string, bool> isCustomer, IClock clock)
{
    /// <summary>The desk of the running portal, on its stores.</summary>
    public static LoginDesk Of(PortalData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new LoginDesk(data.Users, id => data.Provisioning.Current.Customer(id) is not null, data.Clock);
    }

    /// <summary>The logins, operators first (one customer's only when <paramref name="customerId"/> is given).</summary>
    public IReadOnlyList<PortalUser> List(string? customerId = null) => users.List(customerId);

    /// <summary>The login named <paramref name="login"/> (any case), or null.</summary>
    public PortalUser? Find(string? login) => string.IsNullOrEmpty(login) || login.Length > 64 ? null : users.Find(login);

    /// <summary>
    /// Creates a login: <paramref name="role"/> <c>customer</c> (of a provisioned <paramref name="customerId"/>) or
    /// <c>operator</c>. With <paramref name="password"/> null a password is made up and returned; a given one is checked
    /// (<see cref="PasswordHashing.Problem"/>) and not returned. Null with the fields named in <paramref name="errors"/>.
    /// </summary>
    public (PortalUser User, string? MadeUp)? Create(string? login, string? role, string? customerId, string? password, IDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        login = login?.Trim();
        customerId = string.IsNullOrWhiteSpace(customerId) ? null : customerId.Trim();
        if (!LoginNames.IsValid(login))
        {
            errors["login"] = LoginNames.Rule;
        }
        else if (users.Find(login) is not null)
        {
            errors["login"] = $"login {login} exists already";
            Localization.Refusals.Note(Localization.Refusals.Current, "login-exists", errors["login"], login);
        }

        var asOperator = role == "operator";
        if (role is not ("operator" or "customer"))
        {
            errors["role"] = "customer or operator";
        }
        else if (!asOperator && (customerId is null || !isCustomer(customerId)))
        {
            errors["customer"] = "not a provisioned customer";
        }
        else if (asOperator && customerId is not null)
        {
            errors["customer"] = "an operator login belongs to no customer";
        }

        if (password is not null && PasswordHashing.Problem(password) is { } problem)
        {
            errors["password"] = problem;
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var chosen = password ?? NewPassword();
        var user = users.Create(login!, asOperator ? UserRole.Operator : UserRole.Customer, asOperator ? null : customerId, PasswordHashing.Hash(chosen), clock.GetCurrentInstant());
        return (user, password is null ? chosen : null);
    }

    /// <summary>
    /// Sets a new password (made up when <paramref name="password"/> is null, and then returned), ends the login's
    /// sessions and lifts its lockout (<see cref="UserStore.SetPassword"/>). Null when there is no such login, or with
    /// <c>password</c> named in <paramref name="errors"/> when the given one is not acceptable.
    /// </summary>
    public (PortalUser User, string? MadeUp)? Reset(string? login, string? password, IDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Find(login) is not { } user)
        {
            return null;
        }

        if (password is not null && PasswordHashing.Problem(password) is { } problem)
        {
            errors["password"] = problem;
            return (user, null);
        }

        var chosen = password ?? NewPassword();
        users.SetPassword(user.Id, PasswordHashing.Hash(chosen), clock.GetCurrentInstant());
        return (user, password is null ? chosen : null);
    }

    /// <summary>Lifts the login's lockout, its password unchanged; false when there is no such login.</summary>
    public bool Unlock(string? login) => Find(login) is { } user && users.Unlock(user.Id);

    /// <summary>Disables (ending its sessions) or enables the login; false when there is no such login.</summary>
    public bool SetDisabled(string? login, bool disabled) => Find(login) is { } user && users.SetDisabled(user.Id, disabled);

    /// <summary>
    /// A password nobody chose, to read out to the user once: 16 letters and digits (about 93 random bits), without the
    /// look-alikes (0/O, 1/l/I) and nothing a shell or a form would mangle.
    /// </summary>
    public static string NewPassword() => RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 16);
}
