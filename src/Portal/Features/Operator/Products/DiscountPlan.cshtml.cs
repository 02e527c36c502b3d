using Centrex.Portal.Localization;
using System.Security.Claims;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Operator.Products;

/// <summary>A volume discount plan created or changed by the operator (<see cref="DiscountPlanEditor"/>).</summary>
public sealed class DiscountPlanModel(DiscountPlanEditor editor) : PageModel
{
    public Dictionary<string, string?> Form { get; private set; } = new(StringComparer.Ordinal) { ["basis"] = "minutes" };

    public Dictionary<string, string> Errors { get; private set; } = new(StringComparer.Ordinal);

    /// <summary>Whether the plan exists (its id is then fixed: accounts name it).</summary>
    public bool Existing { get; private set; }

    public IActionResult OnGet(string? id)
    {
        if (id is null)
        {
            return Page();
        }

        if (editor.Current(id) is not { } current)
        {
            return NotFound();
        }

        (Form, Existing) = (current, true);
        return Page();
    }

    public IActionResult OnPost()
    {
        foreach (var f in DiscountPlanEditor.Fields)
        {
            Form[f] = Request.Form[f].ToString();
        }

        Existing = Request.Form["existing"] == "true";
        var id = Form["id"]?.Trim() ?? string.Empty;
        if (!Existing && editor.Current(id) is not null)
        {
            Errors["id"] = $"discount plan {id} exists already: edit it from the products page";
            Localization.Refusals.Note(HttpContext, "discount-plan-exists", Errors["id"], id);
            return Page();
        }

        Errors = editor.Save(Form, $"portal ({User.FindFirstValue(PortalClaims.Login)})");
        if (Errors.Count > 0)
        {
            return Page();
        }

        TempData["Saved"] = Translation.Of(HttpContext, "Discount plan {0} saved.", id);
        return Redirect("/operator/products");
    }
}
