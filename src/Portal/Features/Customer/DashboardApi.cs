using Centrex.Portal.Api;
using Centrex.Portal.Display;
using Centrex.Portal.Features.Customer.Calls;
using Centrex.Portal.Features.Customer.Invoices;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Customer;

/// <summary>
/// <c>GET /api/v1/me/dashboard</c>: what the Dashboard shows (seed 004's three windows: contact, brief billing
/// information, recent calls), read through the same queries as the page.
/// </summary>
internal static class DashboardApi
{
    public static void Map(RouteGroupBuilder me)
    {
        me.MapGet("/dashboard", async (CustomerScope scope, InvoiceQueries invoices, CallQueries calls) =>
        {
            var c = scope.Customer;
            var money = await scope.MoneyAsync();
            var states = invoices.All();
            var owed = AmountsOwed.Of(states, c.Currency);
            var due = AmountsOwed.In(owed, c.Currency);
            var last = states.FirstOrDefault(s => !s.Invoice.Void)?.Invoice;
            return Results.Ok(new
            {
                customer = new
                {
                    c.Id, c.Company, c.Contact, c.Email, time_zone = c.TimeZone,
                    address = new { c.Address.Street, c.Address.City, c.Address.Province, postal_code = c.Address.PostalCode, c.Address.Country },
                },
                c.Currency,
                balance = ApiResults.Decimal(money.Balance), balance_mills = money.Balance.Value,
                credit_limit = ApiResults.Decimal(money.CreditLimit), credit_limit_mills = money.CreditLimit.Value,
                // amount_due: in the customer's currency; amounts_due: every currency invoices owe in (older ones may owe in another).
                amount_due = ApiResults.Decimal(due), amount_due_mills = due.Value, amounts_due = AmountsOwed.Json(owed),
                last_invoice = last is null ? null : new { last.Number, due_on = Show.IsoDate(last.DueOn) },
                recent_calls = calls.Recent(5).Select(r => new
                {
                    r.Id, line = r.Account, start = r.Start.ToString(), from = r.Caller, to = r.Callee, r.Direction, r.Disposition, r.Seconds,
                    charge_mills = r.Charge?.Value,
                }),
            });
        }).WithName("GetDashboard").WithSummary("The Dashboard: contact, balance, credit limit, amount due, last invoice, the five most recent calls");
    }
}
