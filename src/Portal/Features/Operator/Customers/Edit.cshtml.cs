using System.Security.Claims;
using Centrex.Portal.Data;
using Centrex.Portal.Features.Shared;
using Centrex.Portal.Security;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CustomerRecord = Centrex.Provisioning.Model.Customer;

namespace Centrex.Portal.Features.Operator.Customers;

/// <summary>
/// The operator creates or edits a customer (issue 16, operator pages: "Customers and accounts (create, edit ...)"):
/// the fields of provisioning's customer record, saved through <see cref="ProvisioningChanges"/> so import's checks
/// (IANA zone, ISO country and currency, Canadian province) refuse with import's message beside the field. The switch
/// settings (dial plan, auto-pay, rate centre) of an existing customer are kept as they are.
/// </summary>
public sealed class EditModel(PortalData data, ProvisioningChanges changes) : PageModel
{
    /// <summary>The form's inputs, named as the provisioning JSON names them.</summary>
    public static readonly string[] Fields = ["id", "company", "contact", "email", "street", "city", "province", "country", "postal_code", "currency", "time_zone", "tax_id", "send_statistic"];

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string?> Form { get; } = new(StringComparer.Ordinal);

    public bool Existing { get; private set; }

    /// <summary>The customer's lines (an existing customer's), to edit from here.</summary>
    public IReadOnlyList<Account> Lines => Existing && Form.GetValueOrDefault("id") is { } id && data.Provisioning.Current.Customer(id) is not null
        ? data.Provisioning.Current.ForCustomer(id).Accounts : [];

    public IActionResult OnGet(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            (Form["country"], Form["currency"], Form["time_zone"], Form["send_statistic"]) = ("CA", "CAD", "America/Toronto", "full");
            return Page();
        }

        if (data.Provisioning.Current.Customer(id) is not { } c)
        {
            return NotFound();
        }

        Existing = true;
        (Form["id"], Form["company"], Form["contact"], Form["email"]) = (c.Id, c.Company, c.Contact, c.Email);
        (Form["street"], Form["city"], Form["province"], Form["country"], Form["postal_code"]) = (c.Address.Street, c.Address.City, c.Address.Province, c.Address.Country, c.Address.PostalCode);
        (Form["currency"], Form["time_zone"], Form["tax_id"], Form["send_statistic"]) = (c.Currency, c.TimeZone, c.TaxId, WireNames.Name(WireNames.SendStatistics, c.SendStatistic));
        return Page();
    }

    public IActionResult OnPost()
    {
        foreach (var f in Fields)
        {
            Form[f] = Request.Form[f].ToString().Trim();
        }

        var id = Form["id"]!;
        var existing = data.Provisioning.Current.Customer(id);
        Existing = Request.Form["existing"] == "true";
        if (id.Length == 0 || id.Length > 64 || id.Any(char.IsControl))
        {
            Errors["id"] = "an id of 1 to 64 characters";
        }
        else if (!Existing && existing is not null)
        {
            Errors["id"] = $"customer {id} exists already: edit it from the customer list";
        }

        foreach (var required in new[] { "company", "email", "street", "city", "country", "postal_code", "currency", "time_zone" })
        {
            if (string.IsNullOrEmpty(Form[required]))
            {
                Errors.TryAdd(required, "required");
            }
        }

        if (!WireNames.SendStatistics.TryGetValue(Form["send_statistic"] ?? string.Empty, out var statistic))
        {
            Errors["send_statistic"] = "full, summary or none";
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var address = new ServiceAddress(Form["street"]!, Form["city"]!, Empty(Form["province"]), Form["country"]!.ToUpperInvariant(), Form["postal_code"]!);
        var customer = existing is null
            ? new CustomerRecord(id, Form["company"]!, Form["contact"]!, Form["email"]!, address, Form["currency"]!.ToUpperInvariant(), Form["time_zone"]!, Empty(Form["tax_id"]), statistic, CustomerDialPlan.None)
            : existing with
            {
                Company = Form["company"]!, Contact = Form["contact"]!, Email = Form["email"]!, Address = address, Currency = Form["currency"]!.ToUpperInvariant(),
                TimeZone = Form["time_zone"]!, TaxId = Empty(Form["tax_id"]), SendStatistic = statistic,
            };
        var result = changes.Customer($"portal ({User.FindFirstValue(PortalClaims.Login)})", customer);
        if (!result.Done)
        {
            Errors[RefusalField.Of(result, Fields)] = result.Message!;
            return Page();
        }

        TempData["Saved"] = $"Customer {id} saved.";
        return Redirect($"/operator/customers/edit?id={Uri.EscapeDataString(id)}");
    }

    private static string? Empty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
