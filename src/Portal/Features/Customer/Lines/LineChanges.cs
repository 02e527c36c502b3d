using Centrex.Portal.Data;
using Centrex.Portal.Security;
using Centrex.Provisioning.Model;
using Centrex.Switch.Registration;
using Microsoft.AspNetCore.Http;
using System.Security.Claims;

namespace Centrex.Portal.Features.Customer.Lines;

/// <summary>
/// Changes to the customer's own lines (SIP password, forwarding, extension), each through
/// <see cref="ProvisioningChanges"/>: the line is found through <see cref="CustomerScope"/> first, so another
/// customer's line is "not found" before anything is built, and the change goes through provisioning's validation.
/// </summary>
public sealed class LineChanges(CustomerScope scope, ProvisioningChanges changes, PortalData data, IHttpContextAccessor http)
{
    /// <summary>Shortest SIP password (a phone line's password is typed into a phone once, so it can be long).</summary>
    public const int MinSipPassword = 10;

    private string Source => $"portal ({http.HttpContext?.User.FindFirstValue(PortalClaims.Login)})";

    /// <summary>Sets the line's SIP password: provisioning keeps only its digest hashes for the switch's realm.</summary>
    public ProvisioningChanges.Result SetSipPassword(string accountId, string? password)
    {
        var line = scope.Line(accountId);
        if (line is null)
        {
            return NotFound;
        }

        if (line.Sip is null)
        {
            return new ProvisioningChanges.Result(false, "password", "this line has no SIP registration to set a password for");
        }

        if (string.IsNullOrEmpty(password) || password.Length < MinSipPassword || password.Length > 128 || password.Any(char.IsControl))
        {
            var message = $"{MinSipPassword} to 128 characters";
            Localization.Refusals.Note(http.HttpContext, "sip-password-length", message, MinSipPassword);
            return new ProvisioningChanges.Result(false, "password", message) { Kind = "sip-password-length" };
        }

        // The digests are of the line's username as stored when the change runs (the operator may have renamed it).
        var realm = (data.Provisioning.Current.Snapshot.Switch ?? SwitchSettings.Default).Realm;
        return Line(accountId, now => now.Sip is { } sip
            ? now with { Sip = sip with { Ha1Md5 = DigestAuthenticator.Ha1(false, sip.Username, realm, password), Ha1Sha256 = DigestAuthenticator.Ha1(true, sip.Username, realm, password) } }
            : now);
    }

    /// <summary>Replaces the line's forwarding.</summary>
    public ProvisioningChanges.Result SetForwarding(string accountId, Forwarding forwarding) => Line(accountId, now => now with { Forwarding = forwarding });

    /// <summary>Changes the line's forwarding with <paramref name="change"/>, made to the forwarding as stored when it runs.</summary>
    public ProvisioningChanges.Result SetForwarding(string accountId, Func<Forwarding, Forwarding> change) =>
        Line(accountId, now => now with { Forwarding = change(now.Forwarding) });

    /// <summary>Sets the line's extension number and name (null number: no extension).</summary>
    public ProvisioningChanges.Result SetExtension(string accountId, string? extension, string? name) =>
        Line(accountId, now => now with { Extension = extension, ExtensionName = name });

    /// <summary>The answer for a line that is not the customer's (or does not exist): the same either way.</summary>
    public static ProvisioningChanges.Result NotFound => ProvisioningChanges.Result.NotFound;

    // One field of the customer's line, set on the line as stored when the change runs, so a change made meanwhile
    // (the operator's suspension, the identity page) stays.
    private ProvisioningChanges.Result Line(string accountId, Func<Account, Account> change) =>
        changes.Account(Source, accountId, change, scope.CustomerId);
}
