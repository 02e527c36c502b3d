using Centrex.Portal.Localization;
using System.Globalization;
using System.Security.Claims;
using Centrex.Portal.Data;
using Centrex.Portal.Features.Shared;
using Centrex.Portal.Security;
using Centrex.Provisioning.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Operator.Sites;

/// <summary>
/// The operator's sites (seed 004, Sites: "Max Number of Simultaneous Calls ... Max Outgoing Bandwidth"; customers
/// read them): listed, added and changed through provisioning's validation, so the running switch enforces the new
/// limits once it reloads the store (calls in progress are not dropped: a limit is checked when a call starts).
/// </summary>
public sealed class IndexModel(PortalData data, ProvisioningChanges changes) : PageModel
{
    /// <summary>The form's inputs, named as the provisioning JSON names them.</summary>
    public static readonly string[] Fields = ["id", "name", "max_calls", "max_incoming", "max_outgoing", "max_forwarded", "max_bandwidth_kbps", "max_incoming_kbps", "max_outgoing_kbps"];

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string?> Form { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<Site> Sites => data.Provisioning.Current.Snapshot.Sites;

    /// <summary>The table's sortable columns: every field of the form.</summary>
    public static TableSort<Site> Sorting { get; } = new("id", defaultDescending: false,
        [("id", s => s.Id), ("name", s => s.Name), .. Fields.Skip(2).Select((f, i) => (f, (Func<Site, object?>)(s => Limits(s)[i]))), ("customer_editable", s => s.CustomerEditable)]);

    /// <summary>The page of sites shown, in the URL's order.</summary>
    public Paged<Site> Result => field ??= Sorting.Page(Request.Query, Sites);

    public void OnGet(string? edit)
    {
        if (edit is not null && Sites.FirstOrDefault(s => s.Id == edit) is { } s)
        {
            var values = Limits(s);
            (Form["id"], Form["name"]) = (s.Id, s.Name);
            Form["customer_editable"] = s.CustomerEditable ? "true" : null;
            for (var i = 0; i < values.Length; i++)
            {
                Form[Fields[i + 2]] = values[i]?.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    public IActionResult OnPost()
    {
        foreach (var f in Fields)
        {
            Form[f] = Request.Form[f].ToString().Trim();
        }

        Form["customer_editable"] = Request.Form["customer_editable"] == "true" ? "true" : null;

        if (string.IsNullOrEmpty(Form["id"]) || Form["id"]!.Length > 64)
        {
            Errors["id"] = "an id of 1 to 64 characters";
        }

        var limits = Fields[2..].Select(f =>
        {
            var n = FormValues.Number(Form[f], f, "a whole number, 0 or more (empty: no limit)", Errors);
            if (n > int.MaxValue)
            {
                Errors[f] = "too large";
            }

            return n is { } v and <= int.MaxValue ? (int?)v : null;
        }).ToArray();
        if (Errors.Count > 0)
        {
            return Page();
        }

        var site = new Site(Form["id"]!, Form["name"]!, limits[0], limits[1], limits[2], limits[3], limits[4], limits[5], limits[6],
            CustomerEditable: Form["customer_editable"] == "true");
        var result = changes.Apply($"portal ({User.FindFirstValue(PortalClaims.Login)})", _ => ProvisioningSnapshot.Empty with { Sites = [site] });
        if (!result.Done)
        {
            Errors[RefusalField.Of(result, [.. Fields, "customer_editable"])] = result.Message!;
            return Page();
        }

        TempData["Saved"] = Translation.Of(HttpContext, "Site {0} saved.", site.Id);
        return RedirectToPage();
    }

    /// <summary>The site's limits in the order of <see cref="Fields"/> after id and name.</summary>
    public static int?[] Limits(Site s) => [s.MaxCalls, s.MaxIncoming, s.MaxOutgoing, s.MaxForwarded, s.MaxBandwidthKbps, s.MaxIncomingKbps, s.MaxOutgoingKbps];
}
