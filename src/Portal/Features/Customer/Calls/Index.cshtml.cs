using Centrex.Portal.Data.CallLog;
using Centrex.Portal.Features.Shared;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace Centrex.Portal.Features.Customer.Calls;

/// <summary>
/// Call Logs (seed 004, IP Centrex › Call Logs; issue 16: "CDR browser: filters by date range, line, direction,
/// disposition, number; paging; CSV download"): one page of the index per request, newest first by default.
/// </summary>
public sealed class IndexModel(CallQueries calls, CustomerScope scope) : PageModel
{
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public Paged<CallRow> Result { get; private set; } = null!;

    public IReadOnlyList<string> Lines => [.. scope.View.Accounts.Select(a => a.Id)];

    public DateTimeZone Zone => scope.Zone;

    public string Currency => scope.Customer.Currency;

    public async Task<IActionResult> OnGet()
    {
        var filter = CallSearch.Read(Request.Query, scope, Errors);
        var paging = CallQueries.Sorting.Read(Request.Query);
        if (Errors.Count > 0)
        {
            Result = new Paged<CallRow>([], 0, paging);
            return Page();
        }

        if (Request.Query["csv"] == "1")
        {
            await CallCsv.Write(HttpContext, calls, filter, Zone, $"calls-{scope.CustomerId}.csv");
            return new EmptyResult();
        }

        Result = new Paged<CallRow>(calls.Page(filter, paging), calls.Count(filter), paging);
        return Page();
    }
}
