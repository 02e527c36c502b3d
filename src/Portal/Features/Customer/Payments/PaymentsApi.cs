using Centrex.Invoicing.Rendering;
using Centrex.Portal.Api;
using Centrex.Portal.Features.Customer.Invoices;
using Centrex.Portal.Security;
using Centrex.Provisioning.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Customer.Payments;

/// <summary>
/// <c>/api/v1/me/payments</c>: Make a Payment over the API, through the same <see cref="PaymentDesk"/> (the page's
/// checks and messages; the configured gateway). A refused field is 400 naming it, a declined card 402 on <c>card</c>.
/// </summary>
internal static class PaymentsApi
{
    /// <summary>A payment: the amount as text in the customer's currency's decimals (25.00 dollars, 2500 yen, 25.000 dinars), the card's token, and a prepaid line to top up (or none: pay the invoices).</summary>
    public sealed record PaymentRequest(string? Amount, string? Card, string? Line);

    public static void Map(RouteGroupBuilder me)
    {
        me.MapGet("/payments", async (PaymentDesk desk, CustomerScope scope, InvoiceQueries invoices) =>
        {
            var balance = (await scope.MoneyAsync()).Balance;
            var owed = AmountsOwed.Of(invoices.All(), scope.Customer.Currency);
            var due = AmountsOwed.In(owed, scope.Customer.Currency);
            return Results.Ok(new
            {
                configured = desk.Configured, scope.Customer.Currency,
                balance = ApiResults.Decimal(balance), balance_mills = balance.Value, amount_due = ApiResults.Decimal(due), amount_due_mills = due.Value, amounts_due = AmountsOwed.Json(owed),
                // What the amount field takes, in the currency's decimals (5.00 dollars, 5 yen): a third decimal is refused.
                minimum = Amounts.Input(PaymentDesk.Minimum, scope.Customer.Currency), maximum = Amounts.Input(PaymentDesk.Maximum, scope.Customer.Currency),
                prepaid_lines = scope.View.Accounts.Where(a => a.Type == AccountType.Debit).Select(a => a.Id),
            });
        }).WithName("GetPaymentOptions").WithSummary("Make a Payment: whether card payments are set up, the balance, the amount due, the limits, the prepaid lines a payment can top up");

        me.MapPost("/payments", async (PaymentRequest body, PaymentDesk desk) =>
        {
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            var (done, message, _) = await desk.Pay(body.Amount, body.Card, body.Line, errors);
            if (done)
            {
                return Results.Ok(new { message });
            }

            if (message.Length > 0)
            {
                // Charged but not recorded: the gateway's reference is in the message, for the operator.
                return Results.Json(new ApiError("not-recorded", message, "card"), statusCode: StatusCodes.Status502BadGateway);
            }

            return errors.TryGetValue("card", out var card) && card.StartsWith("declined", StringComparison.Ordinal)
                ? Results.Json(new ApiError("declined", card, "card"), statusCode: StatusCodes.Status402PaymentRequired)
                : ApiResults.Invalid(errors);
        }).WithName("MakePayment").WithSummary("Pays amount (25.00) with card (its token) for the invoices, or tops up line (a prepaid line); 400 names the field, 402 a declined card");
    }
}
