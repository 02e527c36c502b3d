using Centrex.Invoicing.Cycle;
using Centrex.Portal.Features.Operator.Api;
using Centrex.Portal.Security;
using Centrex.Provisioning;
using Centrex.Provisioning.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime.Text;

namespace Centrex.Portal.Features.Operator.Billing;

/// <summary>
/// <c>/api/v1/operator/billing</c>: the months billed (<c>billing:read</c>); bill a month and void and reissue an
/// invoice (<c>billing:write</c>), through <see cref="BillingRuns"/>, one run at a time with the page's.
/// </summary>
internal static class BillingApi
{
    /// <summary>A billing run: the month, <c>YYYY-MM</c>.</summary>
    public sealed record RunRequest(string? Period);

    /// <summary>Why an invoice is voided (kept with the void).</summary>
    public sealed record ReissueRequest(string? Reason);

    // Per currency (a sum of dollars and yen is no amount; it was one total_mills): currency null for invoices of
    // customers no longer provisioned, whose currency is not known.
    private static IEnumerable<object> Json(IReadOnlyList<CurrencyTotal> totals) =>
        totals.Select(t => new { currency = t.Currency, invoices = t.Invoices, total_mills = t.Total.Value, amount_due_mills = t.AmountDue.Value });

    public static void Map(RouteGroupBuilder operatorGroup)
    {
        operatorGroup.MapGet("/billing/periods", (BillingRuns runs) => Results.Ok(new
        {
            next = YearMonthPattern.Iso.Format(runs.NextPeriod()),
            periods = runs.Periods().Select(p => new { period = p.Period, invoices = p.Invoices, @void = p.Void, totals = Json(p.Totals) }),
        })).Scoped(ApiScope.BillingRead).WithName("ListBilledPeriods").WithSummary("The months billed: invoices, void ones, totals per currency; the month to bill next");

        operatorGroup.MapPost("/billing/runs", async (RunRequest body, BillingRuns runs, HttpContext context) =>
        {
            var parsed = YearMonthPattern.Iso.Parse(body.Period ?? string.Empty);
            if (!parsed.Success)
            {
                return ApiFields.Invalid("period: a month written YYYY-MM", "period");
            }

            try
            {
                var result = await runs.Bill(parsed.Value, context.RequestAborted);
                var run = result.Run;
                return Results.Ok(new
                {
                    period = body.Period, already_billed = result.AlreadyBilled, invoices = run.Invoices, first_number = run.FirstNumber, last_number = run.LastNumber,
                    calls = result.Calls, unprovisioned_calls = result.UnprovisionedCalls,
                    totals = Json(result.AlreadyBilled ? runs.Totals(parsed.Value) : CurrencyTotal.Of(result.Invoices, i => i.Customer.Currency, i => i.Total, i => i.AmountDue)),
                });
            }
            catch (Exception e) when (e is BillingException or ProvisioningException)
            {
                return Results.Json(new ApiError("refused", e.Message + "; nothing was changed", "period"), statusCode: StatusCodes.Status409Conflict);
            }
        }).Scoped(ApiScope.BillingWrite).WithName("BillMonth").WithSummary("Bills a month (a month billed already is reported, not billed again); the run's summary");

        operatorGroup.MapPost("/invoices/{number:long}/reissue", async (long number, ReissueRequest body, BillingRuns runs, Data.PortalData data, HttpContext context) =>
        {
            // No such invoice is 404, as anywhere else in the API (review 16, item 14: it was 409 "refused").
            if (data.Billing.Read(b => b.InvoiceFiles(number)) is null)
            {
                return Centrex.Portal.Api.ApiRoutes.NotFound("invoice");
            }

            if (string.IsNullOrWhiteSpace(body.Reason))
            {
                return ApiFields.Invalid("reason: say why (it is kept with the void)", "reason");
            }

            try
            {
                var issued = await runs.VoidAndReissue(number, body.Reason.Trim(), context.RequestAborted);
                return Results.Ok(new { voided = number, reissued_as = issued.Number, currency = issued.Customer.Currency, total_mills = issued.Total.Value, amount_due_mills = issued.AmountDue.Value });
            }
            catch (Exception e) when (e is BillingException or ProvisioningException)
            {
                return Results.Json(new ApiError("refused", e.Message + "; nothing was changed", "number"), statusCode: StatusCodes.Status409Conflict);
            }
        }).Scoped(ApiScope.BillingWrite).WithName("ReissueInvoice").WithSummary("Voids an invoice and issues its replacement");
    }
}
