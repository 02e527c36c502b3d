using Centrex.Portal.Localization;
using System.Globalization;
using Centrex.Portal.Features.Shared;
using Centrex.Provisioning.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Customer.Sites;

/// <summary>
/// Sites (seed 004, Sites: name and the limits of simultaneous calls and bandwidth): see <see cref="SiteQueries"/>;
/// a site the operator lets the customer change has a form (<see cref="SiteChanges"/>), the others are read-only and
/// an edit of one is refused with 403.
/// </summary>
public sealed class IndexModel(SiteQueries sites, SiteChanges changes) : PageModel
{
    /// <summary>The labels of the limits, as the seed's Sites table names them.</summary>
    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["name"] = "Site name", ["max_calls"] = "Max simultaneous calls", ["max_incoming"] = "Max incoming", ["max_outgoing"] = "Max outgoing",
        ["max_forwarded"] = "Max forwarded", ["max_bandwidth_kbps"] = "Max bandwidth", ["max_incoming_kbps"] = "Max incoming bandwidth", ["max_outgoing_kbps"] = "Max outgoing bandwidth",
    };

    /// <summary>The table's sortable columns.</summary>
    public static TableSort<SiteQueries.SiteRow> Sorting { get; } = new("name", defaultDescending: false,
        [("name", s => s.Site.Name), .. SiteChanges.Fields[1..].Select(f => (f, (Func<SiteQueries.SiteRow, object?>)(s => Limit(s.Site, f))))]);

    public IReadOnlyList<SiteQueries.SiteRow> Sites => field ??= sites.All();

    /// <summary>The page of sites shown, in the URL's order.</summary>
    public Paged<SiteQueries.SiteRow> Result => field ??= Sorting.Page(Request.Query, Sites);

    /// <summary>The site whose form was posted and refused.</summary>
    public string? Editing { get; private set; }

    public Dictionary<string, string?> Form { get; } = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public string? WhyReadOnly(Site site) => changes.WhyReadOnly(site);

    public void OnGet()
    {
    }

    public IActionResult OnPost(string? id)
    {
        foreach (var f in SiteChanges.Fields)
        {
            Form[f] = Request.Form[f].ToString();
        }

        var outcome = changes.Edit(id ?? string.Empty, Form);
        switch (outcome.Status)
        {
            case StatusCodes.Status200OK:
                TempData["Saved"] = Translation.Of(HttpContext, "Site {0} saved: the switch applies its limits to the next call.", Form["name"]?.Trim());
                return RedirectToPage();
            case StatusCodes.Status404NotFound:
                return NotFound();
            case StatusCodes.Status403Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden, outcome.Errors[string.Empty]);
            default:
                (Editing, Errors) = (id, outcome.Errors);
                return Page();
        }
    }

    /// <summary>A site's value of <paramref name="field"/> as the form shows it (empty: no limit).</summary>
    public static string? Current(Site site, string field) =>
        field == "name" ? site?.Name : Limit(site!, field)?.ToString(CultureInfo.InvariantCulture);

    /// <summary>A site's limit named as provisioning's JSON names it (null: no limit).</summary>
    public static int? Limit(Site site, string field)
    {
        ArgumentNullException.ThrowIfNull(site);
        return field switch
        {
            "max_calls" => site.MaxCalls, "max_incoming" => site.MaxIncoming, "max_outgoing" => site.MaxOutgoing, "max_forwarded" => site.MaxForwarded,
            "max_bandwidth_kbps" => site.MaxBandwidthKbps, "max_incoming_kbps" => site.MaxIncomingKbps, "max_outgoing_kbps" => site.MaxOutgoingKbps, _ => null,
        };
    }
}
