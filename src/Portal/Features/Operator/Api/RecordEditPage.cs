using System.Security.Claims;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Operator.Api;

/// <summary>
/// What the operator's edit pages of a provisioning record (a customer, an account) share: the form's fields named as
/// the provisioning JSON names them, an existing record's fields or a new record's defaults on GET, and on POST the
/// trimmed fields saved through the record's <see cref="IRecordEditor"/> (the API's too), its refusal shown beside the
/// field it names, or a redirect to the saved record with what was saved said once. Each page says only what differs:
/// its record's lookup, its fields, its wording.
/// </summary>
public abstract class RecordEditPage(IRecordEditor editor) : PageModel
{
    public Dictionary<string, string> Errors { get; private set; } = new(StringComparer.Ordinal);

    public Dictionary<string, string?> Form { get; protected set; } = new(StringComparer.Ordinal);

    public bool Existing { get; private set; }

    /// <summary>The form's inputs.</summary>
    protected abstract IReadOnlyList<string> FormFields { get; }

    /// <summary>The page's path, where a saved record is shown again (<c>?id=</c> added).</summary>
    protected abstract string EditPath { get; }

    /// <summary>The fields of the record <paramref name="id"/>, or null when there is none (404).</summary>
    protected abstract Dictionary<string, string?>? FieldsOf(string id);

    /// <summary>The message shown once after <see cref="Form"/> was saved.</summary>
    protected abstract string Saved(string id);

    /// <summary>GET without an id: a new record's form with <paramref name="defaults"/>.</summary>
    protected void ShowNew(Dictionary<string, string?> defaults) => Form = defaults;

    /// <summary>GET with an id: the record's form, or 404.</summary>
    protected IActionResult ShowExisting(string id)
    {
        if (FieldsOf(id) is not { } fields)
        {
            return NotFound();
        }

        Existing = true;
        Form = fields;
        return Page();
    }

    /// <summary>Turns what the browser posted into the saved value of a field (an unticked box sends nothing).</summary>
    protected virtual void Normalize(Dictionary<string, string?> form)
    {
    }

    public IActionResult OnPost()
    {
        foreach (var f in FormFields)
        {
            Form[f] = Request.Form[f].ToString().Trim();
        }

        Normalize(Form);
        Existing = Request.Form["existing"] == "true";
        Errors = editor.Save($"portal ({User.FindFirstValue(PortalClaims.Login)})", Form, creating: !Existing);
        if (Errors.Count > 0)
        {
            return Page();
        }

        var id = Form["id"]!;
        TempData["Saved"] = Saved(id);
        return Redirect($"{EditPath}?id={Uri.EscapeDataString(id)}");
    }
}
