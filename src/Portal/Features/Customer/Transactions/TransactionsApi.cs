using Centrex.Portal.Api;
using Centrex.Portal.Display;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Customer.Transactions;

/// <summary>
/// <c>GET /api/v1/me/transactions</c> (the page's totals and a page of its list, same filters: from, to, service) and
/// <c>/api/v1/me/transactions.csv</c> (every matching transaction for any period, streamed, named
/// <c>transactions-CUST-from-to.csv</c>).
/// </summary>
internal static class TransactionsApi
{
    public static void Map(RouteGroupBuilder me)
    {
        me.MapGet("/transactions", (HttpContext context, TransactionQueries transactions, Security.CustomerScope scope) =>
        {
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            var filter = transactions.Read(context.Request.Query, download: false, errors);
            if (errors.Count > 0)
            {
                return ApiResults.Invalid(errors);
            }

            var paging = IndexModel.Sorting.Read(context.Request.Query);
            var (totals, page) = transactions.Page(filter, paging);
            return Results.Ok(new
            {
                from = Show.IsoDate(filter.From), to = Show.IsoDate(filter.To), filter.Service, scope.Customer.Currency,
                totals = totals.Select(t => new { t.Service, transactions = t.Transactions, quantity = t.Quantity, amount = ApiResults.Decimal(t.Amount), amount_mills = t.Amount.Value }),
                total = page.Total, page = paging.Page, size = paging.Size,
                transactions = page.Rows.Select(t => new
                {
                    date = Show.IsoDate(t.Date), t.Service, line = t.Account, t.Description, t.Reference, t.Invoice, t.Quantity,
                    amount = ApiResults.Decimal(t.Amount), amount_mills = t.Amount.Value,
                }),
            });
        }).WithName("ListTransactions").WithSummary("Transactions: totals by service and a page of the list (from, to: days in the customer's zone, at most a year; service; page, size; sort: date, service, line, description, invoice, amount; dir: asc, desc)");

        me.MapGet("/transactions.csv", async (HttpContext context, TransactionQueries transactions) =>
        {
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            var filter = transactions.Read(context.Request.Query, download: true, errors);
            if (errors.Count > 0)
            {
                return ApiResults.Invalid(errors);
            }

            await transactions.WriteCsv(context, filter);
            return Results.Empty;
        }).WithName("DownloadTransactions").WithSummary("Every matching transaction as CSV for any period, streamed, as transactions-CUSTOMER-FROM-TO.csv");
    }
}
