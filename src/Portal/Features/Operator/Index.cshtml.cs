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

    public async Task OnGetAsync()
    {
        Search = Request.Query["q"].ToString().Trim();
        var index = data.Provisioning.Current;
        var matching = index.Snapshot.Customers.Where(c => Search.Length == 0
            || c.Id.Contains(Search, StringComparison.OrdinalIgnoreCase) || c.Company.Contains(Search, StringComparison.OrdinalIgnoreCase)
            || c.Contact.Contains(Search, StringComparison.OrdinalIgnoreCase) || c.Email.Contains(Search, StringComparison.OrdinalIgnoreCase));
        var paging = Paging.From(Request.Query, "id", defaultDescending: false);
        var sorted = paging.Sort == "company" ? matching.OrderBy(c => c.Company, StringComparer.OrdinalIgnoreCase) : matching.OrderBy(c => c.Id, StringComparer.Ordinal);
        var list = (paging.Descending ? sorted.Reverse() : sorted).ToList();
        var page = paging.Of(list);
        var rows = new List<Row>(page.Rows.Count);
        foreach (var c in page.Rows)
        {
            var view = index.ForCustomer(c.Id);
            rows.Add(new Row(c, view.Accounts.Count, (await CustomerBalance.OfAsync(view, data.Ledger)).Balance));
        }

        Result = new Paged<Row>(rows, page.Total, paging);
    }
}
