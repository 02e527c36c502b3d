using System.Security.Cryptography;
using Centrex.Portal.Data;
using Centrex.Portal.Security;
using Centrex.Provisioning.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Operator.Logins;

/// <summary>
/// The portal's logins for the operator (issue 16: "password change and reset by the operator", "login lockout"): every
/// login with its role, customer and lockout; a new login for a customer or an operator; a reset that makes up a new
/// password, ends the login's sessions and lifts its lockout (as <c>centrex user passwd</c>). A made-up password is
/// shown once, in the answer to the form, never kept anywhere but as its hash.
/// </summary>
public sealed class IndexModel(UserStore users, PortalData data) : PageModel
{
    public IReadOnlyList<PortalUser> Users => users.List();

    public NodaTime.Instant Now => data.Clock.GetCurrentInstant();

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
        if (string.IsNullOrEmpty(Login) || Login.Length > 64 || Login.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            Errors["login"] = "1 to 64 characters, no spaces";
        }
        else if (users.Find(Login) is not null)
        {
            Errors["login"] = $"login {Login} exists already";
        }

        var asOperator = role == "operator";
        if (!asOperator && (string.IsNullOrEmpty(Customer) || data.Provisioning.Current.Customer(Customer) is null))
        {
            Errors["customer"] = "not a provisioned customer";
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var password = NewPassword();
        users.Create(Login!, asOperator ? UserRole.Operator : UserRole.Customer, asOperator ? null : Customer, PasswordHashing.Hash(password), Now);
        Made = (Login!, password);
        (Login, Customer) = (null, null);
        return Page();
    }

    public IActionResult OnPostReset(string? login)
    {
        if (users.Find(login ?? string.Empty) is not { } user)
        {
            return NotFound();
        }

        var password = NewPassword();
        users.SetPassword(user.Id, PasswordHashing.Hash(password), Now);
        Made = (user.Login, password);
        return Page();
    }

    // 96 random bits, base64url: 16 characters to read out to the customer once.
    private static string NewPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', '-').Replace('/', '_');
}
