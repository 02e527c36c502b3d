using Centrex.Portal.Data;
using Centrex.Portal.Features.Shared;
using Centrex.Rating.Money;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Operator;

/// <summary>The operator's list of customers: search, sort, page; each with its lines and balance.</summary>
public sealed class CustomersModel(PortalData data) : PageModel
{
    public sealed record Row(Provisioning.Model.Customer Customer, int Lines, Mills Balance);

    public string? Search { get; private set; }

    public Paged<Row> Result { get; private set; } = null!;

    /// <summary>
    /// The table's sortable columns: the customer's own fields. Not the balance: it is read from the ledger for the rows
    /// of the page only (10,000 customers would mean 10,000 ledger reads a click).
    /// </summary>
    public static TableSort<Provisioning.Model.Customer> Sorting { get; } = new("id", defaultDescending: false,
    [
        ("id", c => c.Id), ("company", c => c.Company), ("contact", c => c.Contact), ("time_zone", c => c.TimeZone), ("status", c => c.Status.ToString()),
    ]);

    public async Task OnGetAsync()
    {
        Search = Request.Query["q"].ToString().Trim();
        var index = data.Provisioning.Current;
        var matching = index.Snapshot.Customers.Where(c => Search.Length == 0
            || c.Id.Contains(Search, StringComparison.OrdinalIgnoreCase) || c.Company.Contains(Search, StringComparison.OrdinalIgnoreCase)
            || c.Contact.Contains(Search, StringComparison.OrdinalIgnoreCase) || c.Email.Contains(Search, StringComparison.OrdinalIgnoreCase));
        var paging = Sorting.Read(Request.Query);
        var page = paging.Of(Sorting.Sort(matching, paging));
        var rows = new List<Row>(page.Rows.Count);
        foreach (var c in page.Rows)
        {
            var view = index.ForCustomer(c.Id);
            rows.Add(new Row(c, view.Accounts.Count, (await CustomerBalance.OfAsync(view, data.Ledger)).Balance));
        }

        Result = new Paged<Row>(rows, page.Total, paging);
    }
}
