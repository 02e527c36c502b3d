using Centrex.Invoicing.Invoices;
using Centrex.Portal.Data;
using Centrex.Portal.Security;
using NodaTime;

namespace Centrex.Portal.Features.Customer.Invoices;

/// <summary>
/// The customer's invoices (seed 004, Invoices): each with its payment status as of today in the customer's zone (Do
/// Not Pay, Unpaid, Partially Paid, Paid, Overdue, N/A; payments go to the oldest unpaid invoice first, so statuses are
/// worked out over all of them before any filter), found by number or date range, void ones on request.
/// </summary>
public sealed class InvoiceQueries(CustomerScope scope, PortalData data)
{
    /// <summary>Every invoice of the customer with its status, newest first.</summary>
    public IReadOnlyList<InvoicePaymentState> All()
    {
        var invoices = data.Billing.Read(b => b.Invoices(scope.CustomerId));
        var today = data.Clock.GetCurrentInstant().InZone(scope.Zone).Date;
        return [.. InvoiceStatusCalculator.Compute(invoices, scope.View.Payments, today, scope.Customer.Currency).OrderByDescending(s => s.Invoice.Number)];
    }

    /// <summary>The invoices matching <paramref name="search"/>.</summary>
    public IReadOnlyList<InvoicePaymentState> Search(InvoiceFilter search) =>
        [.. All().Where(s => (search.IncludeVoid || !s.Invoice.Void)
            && (search.Number is null || s.Invoice.Number == search.Number)
            && (search.From is null || s.Invoice.IssuedOn >= search.From)
            && (search.To is null || s.Invoice.IssuedOn <= search.To))];

    /// <summary>The customer's invoice <paramref name="number"/>, or null (not one of its invoices: callers answer 404).</summary>
    public InvoicePaymentState? Find(long number) => All().FirstOrDefault(s => s.Invoice.Number == number);

    /// <summary>The full path of the customer's invoice file, or null when it is not the customer's or has no such file.</summary>
    public string? File(long number, bool pdf)
    {
        if (Find(number) is null)
        {
            return null;
        }

        var files = data.Billing.Read(b => b.InvoiceFiles(number));
        if (files is not { } f)
        {
            return null;
        }

        var path = Path.Combine(data.DataDirectory, pdf ? f.Pdf : f.Csv);
        return System.IO.File.Exists(path) ? path : null;
    }
}

/// <summary>An invoice search (seed 004: "either by entering its number or by selecting a date range"; void ones when asked).</summary>
public sealed record InvoiceFilter(long? Number, LocalDate? From, LocalDate? To, bool IncludeVoid);
