using System.Security.Claims;
using Centrex.Portal.Data;
using Centrex.Portal.Security;
using Centrex.Provisioning.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Operator.Customers;

/// <summary>
/// The operator creates, edits or suspends a customer (issue 16, operator pages: "Customers and accounts (create, edit,
/// suspend)"): the fields of provisioning's customer record, saved by <see cref="CustomerEditor"/> (the API's too), an
/// import's refusal shown beside the field it names.
/// </summary>
public sealed class EditModel(PortalData data, CustomerEditor editor) : PageModel
{
    /// <summary>The form's inputs, named as the provisioning JSON names them.</summary>
    public static string[] Fields => CustomerEditor.Fields;

    public Dictionary<string, string> Errors { get; private set; } = new(StringComparer.Ordinal);

    public Dictionary<string, string?> Form { get; private set; } = new(StringComparer.Ordinal);

    public bool Existing { get; private set; }

    /// <summary>The customer's lines (an existing customer's), to edit from here.</summary>
    public IReadOnlyList<Account> Lines => Existing && Form.GetValueOrDefault("id") is { } id && data.Provisioning.Current.Customer(id) is not null
        ? data.Provisioning.Current.ForCustomer(id).Accounts : [];

    public IActionResult OnGet(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            Form = CustomerEditor.Blank();
            return Page();
        }

        if (data.Provisioning.Current.Customer(id) is not { } c)
        {
            return NotFound();
        }

        Existing = true;
        Form = CustomerEditor.FieldsOf(c);
        return Page();
    }

    public IActionResult OnPost()
    {
        foreach (var f in Fields)
        {
            Form[f] = Request.Form[f].ToString().Trim();
        }

        Existing = Request.Form["existing"] == "true";
        Errors = editor.Save($"portal ({User.FindFirstValue(PortalClaims.Login)})", Form, creating: !Existing);
        if (Errors.Count > 0)
        {
            return Page();
        }

        var id = Form["id"]!;
        TempData["Saved"] = Form["status"] == "suspended" ? $"Customer {id} saved: suspended (its lines make and receive emergency calls only, its logins are refused)." : $"Customer {id} saved.";
        return Redirect($"/operator/customers/edit?id={Uri.EscapeDataString(id)}");
    }
}
