using Centrex.Invoicing.Invoices;
using Centrex.Portal.Api;
using Centrex.Portal.Display;
using Centrex.Portal.Features.Shared;
using Centrex.Rating.Money;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Customer.Invoices;

/// <summary>
/// <c>/api/v1/me/invoices</c>: the customer's invoices with their statuses, searched like the page, and their PDF and
/// CSV files, named <c>invoice-000123.pdf</c>. Another customer's invoice number is 404.
/// </summary>
internal static class InvoicesApi
{
    /// <summary>An invoice as the API shows it (amounts as exact decimal strings and in mills).</summary>
    public sealed record InvoiceJson(long Number, string Period, string IssuedOn, string DueOn, string Status, bool Void, long? Replaces,
        string Total, long TotalMills, string AmountDue, long AmountDueMills, string Currency);

    public static void Map(RouteGroupBuilder me)
    {
        me.MapGet("/invoices", (HttpContext context, InvoiceQueries invoices, Security.CustomerScope scope) =>
        {
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            var q = context.Request.Query;
            var filter = new InvoiceFilter(FormValues.Number(q["number"], "number", "an invoice number is digits only", errors),
                FormValues.Date(q["from"], "from", errors), FormValues.Date(q["to"], "to", errors), q["void"] == "true");
            if (errors.Count > 0)
            {
                var (field, message) = errors.First();
                return Results.Json(new Security.ApiError("invalid", message, field), statusCode: StatusCodes.Status400BadRequest);
            }

            var currency = scope.Customer.Currency;
            return Results.Ok(ApiPages.Of(context, invoices.Search(filter)).Select(s => Json(s, s.Invoice.CurrencyOr(currency))));
        }).WithName("ListInvoices").WithSummary("The customer's invoices with their payment status (search by number or date range; void ones with void=true), a page at a time: page, size (10 to 500, 50 by default); X-Total-Count and Link (next, prev) headers");

        me.MapGet("/invoices/{number:long}", (long number, InvoiceQueries invoices, Security.CustomerScope scope) =>
            invoices.Find(number) is { } s ? Results.Ok(Json(s, s.Invoice.CurrencyOr(scope.Customer.Currency))) : ApiRoutes.NotFound("invoice"))
            .WithName("GetInvoice").WithSummary("One of the customer's invoices");

        me.MapGet("/invoices/{number:long}/pdf", (long number, InvoiceQueries invoices, HttpContext context) => File(invoices, context, number, pdf: true))
            .WithName("GetInvoicePdf").WithSummary("The invoice's PDF, as invoice-NNNNNN.pdf");
        me.MapGet("/invoices/{number:long}/csv", (long number, InvoiceQueries invoices, HttpContext context) => File(invoices, context, number, pdf: false))
            .WithName("GetInvoiceCsv").WithSummary("The invoice's CSV, as invoice-NNNNNN.csv");
    }

    private static IResult File(InvoiceQueries invoices, HttpContext context, long number, bool pdf)
    {
        if (invoices.File(number, pdf) is not { } path)
        {
            return ApiRoutes.NotFound("invoice");
        }

        // Named as every download is (Downloads); a physical file by its full path: Results.File takes a relative path as
        // a web-root file (review 16, item 3).
        Downloads.Name(context.Response, $"invoice-{Show.InvoiceNumber(number)}.{(pdf ? "pdf" : "csv")}");
        return TypedResults.PhysicalFile(Path.GetFullPath(path), pdf ? "application/pdf" : "text/csv; charset=utf-8");
    }

    private static InvoiceJson Json(InvoicePaymentState s, string currency) => new(
        s.Invoice.Number, NodaTime.Text.YearMonthPattern.Iso.Format(s.Invoice.Period), Show.IsoDate(s.Invoice.IssuedOn), Show.IsoDate(s.Invoice.DueOn),
        s.Status.ToDisplayName(), s.Invoice.Void, s.Invoice.Replaces, Decimal(s.Invoice.Total), s.Invoice.Total.Value,
        Decimal(s.Invoice.AmountDue), s.Invoice.AmountDue.Value, currency);

    private static string Decimal(Mills m) => (m.Value / 1000m).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
}
