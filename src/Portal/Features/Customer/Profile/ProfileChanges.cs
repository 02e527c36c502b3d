using System.Security.Claims;
using Centrex.Portal.Data;
using Centrex.Portal.Features.Sessions;
using Centrex.Portal.Security;
using Centrex.Provisioning.Access;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Features.Customer.Profile;

/// <summary>
/// The changes of My Profile, for its page and <c>/api/v1/me/profile</c> alike (issue 16: everything a page does can be
/// scripted, with the same errors): contact and email checked here, then the customer record through provisioning's
/// validation (the time zone's message names <c>time_zone</c>); the web password and language belong to the login.
/// </summary>
public sealed class ProfileChanges(CustomerScope scope, ProvisioningChanges changes, UserStore users, PortalData data, IHttpContextAccessor http)
{
    /// <summary>The languages of the web interface.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "fr"];

    private ClaimsPrincipal User => http.HttpContext?.User ?? throw new InvalidOperationException("no request");

    /// <summary>Who makes the change, in provisioning's messages: the login, or the customer's API key.</summary>
    public string Source => $"portal ({User.FindFirstValue(PortalClaims.Login)})";

    /// <summary>The signed-in login, or null for a request made with the customer's API key (a key has no web login).</summary>
    public PortalUser? Login =>
        User.FindFirstValue(PortalClaims.UserId) is { } id && User.HasClaim(PortalClaims.Role, "customer")
            ? users.Get(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture))
            : null;

    /// <summary>Saves contact, email and time zone; the errors by field (empty when saved).</summary>
    public Dictionary<string, string> SaveGeneral(string? contact, string? email, string? timeZone)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal) || email.Length > 200)
        {
            errors["email"] = "an email address";
        }

        if (contact is { Length: > 100 })
        {
            errors["contact"] = "at most 100 characters";
        }
        else if (contact?.Any(char.IsControl) == true)
        {
            errors["contact"] = "control characters are not allowed";
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var result = changes.Customer(Source, scope.CustomerId,
            now => now with { Contact = contact?.Trim() ?? string.Empty, Email = email!.Trim(), TimeZone = timeZone?.Trim() ?? string.Empty });
        if (!result.Done)
        {
            errors[result.Field ?? (result.Message!.Contains("time_zone", StringComparison.Ordinal) ? "time_zone" : string.Empty)] = result.Message!;
        }

        return errors;
    }

    /// <summary>Sets the login's language; the errors by field.</summary>
    public Dictionary<string, string> SetLanguage(PortalUser login, string? language)
    {
        ArgumentNullException.ThrowIfNull(login);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (language is null || !Languages.Contains(language))
        {
            errors["language"] = $"one of {string.Join(", ", Languages)}";
            Localization.Refusals.Note(Localization.Refusals.Current, "one-of", errors["language"], string.Join(", ", Languages));
            return errors;
        }

        users.SetLanguage(login.Id, language);
        return errors;
    }

    /// <summary>Changes the login's web password (<see cref="OwnPassword"/>); the errors by field.</summary>
    public Dictionary<string, string> ChangePassword(PortalUser login, string? current, string? @new) =>
        OwnPassword.Change(http.HttpContext!, users, data.Clock, login, current, @new);
}
