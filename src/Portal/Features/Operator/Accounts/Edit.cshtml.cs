using System.Security.Claims;
using Centrex.Portal.Data;
using Centrex.Portal.Security;
using Centrex.Provisioning.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Operator.Accounts;

/// <summary>
/// The operator creates, edits or suspends an account, a phone line (issue 16, operator pages: "Customers and
/// accounts"): saved by <see cref="AccountEditor"/> (the API's too), an import's refusal shown beside the field it names.
/// </summary>
public sealed class EditModel(PortalData data, AccountEditor editor) : PageModel
{
    /// <summary>The form's inputs, named as the provisioning JSON names them.</summary>
    public static string[] Fields => AccountEditor.Fields;

    public Dictionary<string, string> Errors { get; private set; } = new(StringComparer.Ordinal);

    public Dictionary<string, string?> Form { get; private set; } = new(StringComparer.Ordinal);

    public bool Existing { get; private set; }

    public IReadOnlyList<Site> Sites => data.Provisioning.Current.Snapshot.Sites;

    public IActionResult OnGet(string? id, string? customer)
    {
        if (string.IsNullOrEmpty(id))
        {
            (Form["customer"], Form["type"], Form["credit_limit"], Form["status"]) = (customer, "credit", "0.00", "active");
            return Page();
        }

        if (data.Provisioning.Current.Account(id) is not { } a)
        {
            return NotFound();
        }

        Existing = true;
        Form = AccountEditor.FieldsOf(a);
        return Page();
    }

    public IActionResult OnPost()
    {
        foreach (var f in Fields)
        {
            Form[f] = Request.Form[f].ToString().Trim();
        }

        Form["requires_911"] = Form["requires_911"] == "true" ? "true" : "false"; // an unticked box sends nothing
        Existing = Request.Form["existing"] == "true";
        Errors = editor.Save($"portal ({User.FindFirstValue(PortalClaims.Login)})", Form, creating: !Existing);
        if (Errors.Count > 0)
        {
            return Page();
        }

        var id = Form["id"]!;
        TempData["Saved"] = Form["status"] == "suspended" ? $"Account {id} saved: suspended (emergency calls only)." : $"Account {id} saved.";
        return Redirect($"/operator/accounts/edit?id={Uri.EscapeDataString(id)}");
    }
}
