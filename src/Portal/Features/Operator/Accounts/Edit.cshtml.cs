using System.Security.Claims;
using Centrex.Portal.Data;
using Centrex.Portal.Features.Shared;
using Centrex.Portal.Security;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Centrex.Rating.Money;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Operator.Accounts;

/// <summary>
/// The operator creates or edits an account, a phone line (issue 16, operator pages: "Customers and accounts"): its
/// customer, type, credit limit, site and 911 fee, saved through <see cref="ProvisioningChanges"/> (import's checks:
/// the customer and site exist, the limit is not negative, 911 only in Canada). An existing line keeps its switch
/// settings (SIP, extension, DIDs, forwarding, fraud controls), which its customer or an import changes.
/// </summary>
public sealed class EditModel(PortalData data, ProvisioningChanges changes) : PageModel
{
    /// <summary>The form's inputs, named as the provisioning JSON names them.</summary>
    public static readonly string[] Fields = ["id", "customer", "type", "credit_limit", "site", "requires_911"];

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string?> Form { get; } = new(StringComparer.Ordinal);

    public bool Existing { get; private set; }

    public IReadOnlyList<Site> Sites => data.Provisioning.Current.Snapshot.Sites;

    public IActionResult OnGet(string? id, string? customer)
    {
        if (string.IsNullOrEmpty(id))
        {
            (Form["customer"], Form["type"], Form["credit_limit"]) = (customer, "credit", "0.00");
            return Page();
        }

        if (data.Provisioning.Current.Account(id) is not { } a)
        {
            return NotFound();
        }

        Existing = true;
        (Form["id"], Form["customer"], Form["type"]) = (a.Id, a.CustomerId, WireNames.Name(WireNames.AccountTypes, a.Type));
        (Form["credit_limit"], Form["site"], Form["requires_911"]) = (Invoicing.Rendering.Amounts.Cents(a.CreditLimit), a.Site, a.Requires911 ? "true" : null);
        return Page();
    }

    public IActionResult OnPost()
    {
        foreach (var f in Fields)
        {
            Form[f] = Request.Form[f].ToString().Trim();
        }

        var id = Form["id"]!;
        var existing = data.Provisioning.Current.Account(id);
        Existing = Request.Form["existing"] == "true";
        if (id.Length == 0 || id.Length > 64 || id.Any(char.IsControl) || id.Contains(','))
        {
            Errors["id"] = "an id of 1 to 64 characters, no comma (it is a CSV column of CDRs)";
        }
        else if (!Existing && existing is not null)
        {
            Errors["id"] = $"account {id} exists already";
        }

        if (!WireNames.AccountTypes.TryGetValue(Form["type"] ?? string.Empty, out var type))
        {
            Errors["type"] = "credit (postpaid) or debit (prepaid)";
        }

        if (!Mills.TryParse(Form["credit_limit"] ?? string.Empty, out var limit))
        {
            Errors["credit_limit"] = "an amount such as 500.00";
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var site = string.IsNullOrEmpty(Form["site"]) ? null : Form["site"];
        var requires911 = Form["requires_911"] == "true";
        var account = existing is null
            ? new Account(id, Form["customer"]!, type, limit, site, requires911, [], null, null, [])
            : existing with { CustomerId = Form["customer"]!, Type = type, CreditLimit = limit, Site = site, Requires911 = requires911 };
        var result = changes.Account($"portal ({User.FindFirstValue(PortalClaims.Login)})", account);
        if (!result.Done)
        {
            Errors[RefusalField.Of(result, Fields)] = result.Message!;
            return Page();
        }

        TempData["Saved"] = $"Account {id} saved.";
        return Redirect($"/operator/accounts/edit?id={Uri.EscapeDataString(id)}");
    }
}
