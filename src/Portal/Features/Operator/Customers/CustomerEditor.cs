using Centrex.Portal.Data;
using Centrex.Provisioning;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using CustomerRecord = Centrex.Provisioning.Model.Customer;

namespace Centrex.Portal.Features.Operator.Customers;

/// <summary>
/// Creates or changes a customer from the fields of the operator's form or the API's JSON (named as the provisioning
/// JSON names them), through <see cref="ProvisioningChanges"/>: import's checks (IANA zone, ISO country and currency,
/// Canadian province) refuse with import's message, keyed by the field it names. The page and
/// <c>/api/v1/operator/customers</c> both save through here, so a script can do whatever the page does. The switch
/// settings (dial plan, auto-pay, rate centre, screening) of an existing customer are kept as they are. Its currency
/// changes only while it owes and is owed nothing (<see cref="CurrencyChangeGuard"/>).
/// </summary>
public sealed class CustomerEditor(ProvisioningChanges changes, CurrencyChangeGuard currencies) : Api.IRecordEditor
{
    /// <summary>The fields, named as the provisioning JSON names them.</summary>
    public static readonly string[] Fields = ["id", "company", "contact", "email", "street", "city", "province", "country", "postal_code", "currency", "time_zone", "tax_id", "send_statistic", "status"];

    /// <summary>The fields of a new customer's form: Canada's defaults.</summary>
    public static Dictionary<string, string?> Blank() => new(StringComparer.Ordinal)
    {
        ["country"] = "CA", ["currency"] = "CAD", ["time_zone"] = "America/Toronto", ["send_statistic"] = "full", ["status"] = "active",
    };

    /// <summary>The fields of <paramref name="c"/>.</summary>
    public static Dictionary<string, string?> FieldsOf(CustomerRecord c) => new(StringComparer.Ordinal)
    {
        ["id"] = c.Id, ["company"] = c.Company, ["contact"] = c.Contact, ["email"] = c.Email,
        ["street"] = c.Address.Street, ["city"] = c.Address.City, ["province"] = c.Address.Province, ["country"] = c.Address.Country, ["postal_code"] = c.Address.PostalCode,
        ["currency"] = c.Currency, ["time_zone"] = c.TimeZone, ["tax_id"] = c.TaxId, ["send_statistic"] = WireNames.Name(WireNames.SendStatistics, c.SendStatistic),
        ["status"] = WireNames.Name(WireNames.ServiceStatuses, c.Status),
    };

    /// <summary>
    /// Saves <paramref name="form"/> (every field trimmed); <paramref name="creating"/> refuses an id that exists, else
    /// the customer must exist. Returns the errors by field (<c>""</c>: about the whole), empty when saved.
    /// </summary>
    public Dictionary<string, string> Save(string source, IReadOnlyDictionary<string, string?> form, bool creating)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var id = form.GetValueOrDefault("id")?.Trim() ?? string.Empty;
        return Api.RecordChange.Save(changes, source, Fields, errors, current => Build(current.Customer(id), form, creating, errors, currencies) is { } customer
            ? ProvisioningSnapshot.Empty with { Customers = [customer] }
            : null);
    }

    private static CustomerRecord? Build(CustomerRecord? existing, IReadOnlyDictionary<string, string?> given, bool creating, Dictionary<string, string> errors, CurrencyChangeGuard currencies)
    {
        var form = creating || existing is null ? given : Api.ApiFields.Over(FieldsOf(existing), given, existing.Id);
        string? F(string name) => form.GetValueOrDefault(name)?.Trim() is { Length: > 0 } v ? v : null;
        var id = F("id") ?? string.Empty;
        if (!CustomerIds.IsValid(id))
        {
            errors["id"] = "an id of 1 to 64 letters, digits, '-', '_' or '.'";
        }
        else if (creating && existing is not null)
        {
            errors["id"] = $"customer {id} exists already: edit it from the customer list";
            Localization.Refusals.Note(Localization.Refusals.Current, "customer-exists", errors["id"], id);
        }
        else if (!creating && existing is null)
        {
            errors["id"] = $"no customer {id}";
            Localization.Refusals.Note(Localization.Refusals.Current, "no-customer", errors["id"], id);
        }

        foreach (var required in new[] { "company", "email", "street", "city", "country", "postal_code", "currency", "time_zone" })
        {
            if (F(required) is null)
            {
                errors.TryAdd(required, "required");
            }
        }

        if (!WireNames.SendStatistics.TryGetValue(F("send_statistic") ?? "full", out var statistic))
        {
            errors["send_statistic"] = "full, summary or none";
        }

        if (!WireNames.ServiceStatuses.TryGetValue(F("status") ?? "active", out var status))
        {
            errors["status"] = "active or suspended";
        }

        if (errors.Count == 0 && existing is not null && !string.Equals(F("currency")!.ToUpperInvariant(), existing.Currency, StringComparison.Ordinal)
            && currencies.Refusal(existing) is { } held)
        {
            errors["currency"] = held;
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var address = new ServiceAddress(F("street")!, F("city")!, F("province"), F("country")!.ToUpperInvariant(), F("postal_code")!);
        return existing is null
            ? new CustomerRecord(id, F("company")!, F("contact") ?? string.Empty, F("email")!, address, F("currency")!.ToUpperInvariant(), F("time_zone")!, F("tax_id"), statistic, CustomerDialPlan.None) { Status = status }
            : existing with
            {
                Company = F("company")!, Contact = F("contact") ?? string.Empty, Email = F("email")!, Address = address, Currency = F("currency")!.ToUpperInvariant(),
                TimeZone = F("time_zone")!, TaxId = F("tax_id"), SendStatistic = statistic, Status = status,
            };
    }
}
