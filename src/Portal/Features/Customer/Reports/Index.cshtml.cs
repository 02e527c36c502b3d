using Centrex.Portal.Features.Shared;
using Centrex.Portal.Data;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Customer.Reports;

/// <summary>The Reports page (seed 004, Billing Information › Reports): choose the days and the format, download.</summary>
public sealed class IndexModel(XdrDownload download, CustomerScope scope, PortalData data) : PageModel
{
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? FromText { get; private set; }

    public string? ToText { get; private set; }

    public string Format { get; private set; } = "csv";

    public async Task<IActionResult> OnGet()
    {
        var q = Request.Query;
        Format = q["format"].ToString() is { Length: > 0 } f ? f : "csv";
        if (q["download"] != "1")
        {
            // Last month, in the customer's zone, until the customer picks.
            var today = data.Clock.GetCurrentInstant().InZone(scope.Zone).Date;
            var first = today.With(NodaTime.DateAdjusters.StartOfMonth).PlusMonths(-1);
            FromText = Display.Show.IsoDate(first);
            ToText = Display.Show.IsoDate(first.With(NodaTime.DateAdjusters.EndOfMonth));
            return Page();
        }

        FromText = q["from"];
        ToText = q["to"];
        var from = FormValues.Date(FromText, "from", Errors);
        var to = FormValues.Date(ToText, "to", Errors);
        if (XdrDownload.Check(from, to, Format, Errors).Count > 0 || download.CheckSize(from!.Value, to!.Value, Format, Errors).Count > 0)
        {
            return Page();
        }

        await download.Write(HttpContext, from!.Value, to!.Value, Format);
        return new EmptyResult();
    }
}
