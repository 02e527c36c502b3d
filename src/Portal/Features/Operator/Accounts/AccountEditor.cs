using Centrex.Portal.Data;
using Centrex.Portal.Features.Shared;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Centrex.Rating.Money;

namespace Centrex.Portal.Features.Operator.Accounts;

/// <summary>
/// Creates or changes an account, a phone line, from the operator's form or the API's JSON (fields named as the
/// provisioning JSON names them): its customer, type, credit limit, site, 911 fee and status, through
/// <see cref="ProvisioningChanges"/> (import's checks: the customer and site exist, the limit is not negative, 911 only
/// in Canada). An existing line keeps its switch settings (SIP, extension, DIDs, forwarding, fraud controls).
/// </summary>
public sealed class AccountEditor(ProvisioningChanges changes, Microsoft.AspNetCore.Http.IHttpContextAccessor http) : Api.IRecordEditor
{
    /// <summary>The fields, named as the provisioning JSON names them.</summary>
    public static readonly string[] Fields = ["id", "customer", "type", "credit_limit", "site", "requires_911", "status"];

    /// <summary>The fields of <paramref name="a"/>, its credit limit in its customer's currency's decimals (<see cref="ChargedCurrencies.Input"/>).</summary>
    public static Dictionary<string, string?> FieldsOf(Account a, ProvisioningIndex index) => new(StringComparer.Ordinal)
    {
        ["id"] = a.Id, ["customer"] = a.CustomerId, ["type"] = WireNames.Name(WireNames.AccountTypes, a.Type),
        ["credit_limit"] = ChargedCurrencies.Of(index.Customer(a.CustomerId)).Input(a.CreditLimit), ["site"] = a.Site, ["requires_911"] = a.Requires911 ? "true" : "false",
        ["status"] = WireNames.Name(WireNames.ServiceStatuses, a.Status),
    };

    /// <summary>Saves <paramref name="form"/>; returns the errors by field (<c>""</c>: about the whole), empty when saved.</summary>
    public Dictionary<string, string> Save(string source, IReadOnlyDictionary<string, string?> form, bool creating)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var id = form.GetValueOrDefault("id")?.Trim() ?? string.Empty;
        return Api.RecordChange.Save(changes, source, Fields, errors, current => Build(current, current.Account(id), form, creating, errors) is { } account
            ? ProvisioningSnapshot.Empty with { Accounts = [account] }
            : null);
    }

    private Account? Build(ProvisioningIndex current, Account? existing, IReadOnlyDictionary<string, string?> given, bool creating, Dictionary<string, string> errors)
    {
        var form = creating || existing is null ? given : Api.ApiFields.Over(FieldsOf(existing, current), given, existing.Id);
        string? F(string name) => form.GetValueOrDefault(name)?.Trim() is { Length: > 0 } v ? v : null;
        var id = F("id") ?? string.Empty;
        if (id.Length == 0 || id.Length > 64 || id.Any(char.IsControl) || id.Contains(','))
        {
            errors["id"] = "an id of 1 to 64 characters, no comma (it is a CSV column of CDRs)";
        }
        else if (creating && existing is not null)
        {
            errors["id"] = $"account {id} exists already";
            Localization.Refusals.Note(Localization.Refusals.Current, "account-exists", errors["id"], id);
        }
        else if (!creating && existing is null)
        {
            errors["id"] = $"no account {id}";
            Localization.Refusals.Note(Localization.Refusals.Current, "no-account", errors["id"], id);
        }

        if (F("customer") is null)
        {
            errors["customer"] = "required";
        }

        if (!WireNames.AccountTypes.TryGetValue(F("type") ?? string.Empty, out var type))
        {
            errors["type"] = "credit (postpaid) or debit (prepaid)";
        }

        // In the customer's currency's decimals (ISO 4217), as its invoices and pages show it; a negative one is
        // provisioning's to refuse, with import's message.
        var limit = ChargedCurrencies.Of(current.Customer(F("customer") ?? string.Empty))
            .Read(F("credit_limit") ?? "0", "credit_limit", new Mills(500_000), errors, http.HttpContext, allowSign: true) ?? Mills.Zero;

        if (F("requires_911") is { } fee && fee is not ("true" or "false"))
        {
            errors["requires_911"] = "true or false";
        }

        if (!WireNames.ServiceStatuses.TryGetValue(F("status") ?? "active", out var status))
        {
            errors["status"] = "active or suspended";
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var site = F("site");
        var requires911 = F("requires_911") == "true";
        return existing is null
            ? new Account(id, F("customer")!, type, limit, site, requires911, [], null, null, []) { Status = status }
            : existing with { CustomerId = F("customer")!, Type = type, CreditLimit = limit, Site = site, Requires911 = requires911, Status = status };
    }
}
