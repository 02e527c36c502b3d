using Centrex.Invoicing.Invoices;
using Centrex.Portal.Features.Shared;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Customer.Invoices;

/// <summary>The Invoices page (seed 004, Billing Information › Invoices): search, sort, page, download PDF or CSV.</summary>
public sealed class IndexModel(InvoiceQueries invoices, CustomerScope scope) : PageModel
{
    public Paged<InvoicePaymentState> Result { get; private set; } = null!;

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? NumberText { get; private set; }

    public string? FromText { get; private set; }

    public string? ToText { get; private set; }

    public bool IncludeVoid { get; private set; }

    public string Currency => scope.Customer.Currency;

    /// <summary>The table's sortable columns.</summary>
    public static TableSort<InvoicePaymentState> Sorting { get; } = new("number", defaultDescending: true,
    [
        ("number", s => s.Invoice.Number), ("date", s => s.Invoice.IssuedOn), ("status", s => Centrex.Invoicing.Invoices.InvoiceStatusNames.ToDisplayName(s.Status)),
        ("due", s => s.Invoice.DueOn), ("amount", s => s.Invoice.Total.Value), ("amount_due", s => s.Invoice.AmountDue.Value),
    ]);

    public void OnGet()
    {
        NumberText = Request.Query["number"];
        FromText = Request.Query["from"];
        ToText = Request.Query["to"];
        IncludeVoid = Request.Query["void"] == "true";
        var filter = new InvoiceFilter(
            FormValues.Number(NumberText, "number", "an invoice number is digits only (000042 or 42)", Errors),
            FormValues.Date(FromText, "from", Errors), FormValues.Date(ToText, "to", Errors), IncludeVoid);
        if (filter is { From: { } from, To: { } to } && to < from)
        {
            Errors["to"] = "the end date is before the start date";
        }

        var rows = Errors.Count > 0 ? [] : invoices.Search(filter);
        Result = Sorting.Page(Request.Query, rows);
    }
}
