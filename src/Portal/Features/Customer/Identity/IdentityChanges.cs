using System.Security.Claims;
using Centrex.Portal.Data;
using Centrex.Portal.Features.Customer.Lines;
using Centrex.Portal.Security;
using Centrex.Provisioning.Model;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Features.Customer.Identity;

/// <summary>
/// What the customer's lines show when they call (seed 004 Identity: Hide CLI never/always/automatic, the hide and show
/// prefixes; seed 001: with several numbers "you can choose which number to display"). The line is found through
/// <see cref="CustomerScope"/> first (another customer's is not found), and the change is read as <c>provision import</c>
/// reads a file, so a prefix or caller ID import would refuse is refused with its message.
/// </summary>
public sealed class IdentityChanges(CustomerScope scope, ProvisioningChanges changes, IHttpContextAccessor http)
{
    /// <summary>The form's and the API's fields, as provisioning names them.</summary>
    public static readonly IReadOnlyList<string> Fields = ["caller_id", "hide_cli", "hide_cli_prefix", "show_cli_prefix"];

    private string Source => $"portal ({http.HttpContext?.User.FindFirstValue(PortalClaims.Login)})";

    /// <summary>The customer's lines of the switch, by extension then id.</summary>
    public IReadOnlyList<Account> Lines => [.. scope.View.Accounts.Where(a => a.Sip is not null)
        .OrderBy(a => a.Extension ?? "~", StringComparer.Ordinal).ThenBy(a => a.Id, StringComparer.Ordinal)];

    /// <summary>
    /// Sets the line's identity. The prefixes apply only to Automatic (seed 004: "Only available when Hide CLI option is
    /// set to Automatic"), so with Never or Always they are dropped rather than refused.
    /// </summary>
    public ProvisioningChanges.Result Set(string accountId, LineIdentity identity)
    {
        var line = scope.Line(accountId);
        if (line is null)
        {
            return LineChanges.NotFound;
        }

        if (identity.HideCli != HideCli.Automatic)
        {
            identity = identity with { HidePrefix = null, ShowPrefix = null };
        }

        // Set on the line as stored when the change runs: its other fields keep what was changed meanwhile.
        var result = changes.AsImported(Source, current => current.Account(line.Id) is { } now && now.CustomerId == scope.CustomerId
            ? ProvisioningSnapshot.Empty with { Accounts = [now with { Identity = identity }] }
            : null);
        if (result == ProvisioningChanges.Result.Refused)
        {
            return LineChanges.NotFound;
        }

        return result.Done ? result : result with { Field = FieldNamed(result.Message) };
    }

    /// <summary>The earliest of <see cref="Fields"/> the message names (import writes the field first), or null.</summary>
    public static string? FieldNamed(string? message) =>
        message is null ? null : Fields.Select(f => (Field: f, At: At(message, $"\"{f}\"", $" {f} ")))
            .Where(x => x.At < int.MaxValue).OrderBy(x => x.At).Select(x => x.Field).FirstOrDefault();

    private static int At(string message, params string[] forms) =>
        forms.Select(f => message.IndexOf(f, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(int.MaxValue).Min();
}
