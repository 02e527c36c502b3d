using Centrex.Portal.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Customer.PaymentInfo;

/// <summary>
/// <c>/api/v1/me/payment-info</c>: Payment Info's auto-pay settings (<see cref="AutoPayChanges"/>, the page's checks and
/// messages). The card's token is written, never read back: it is shown by its label.
/// </summary>
internal static class PaymentInfoApi
{
    /// <summary>The settings as the form has them: amounts as text in the customer's currency's decimals (20.00 dollars, 2000 yen), an empty card keeps the card on file.</summary>
    public sealed record AutoPayRequest(string? Card, string? Label, bool PayInvoices, string? RechargeBelow, string? RechargeAmount);

    public static void Map(RouteGroupBuilder me)
    {
        me.MapGet("/payment-info", (AutoPayChanges autoPay) =>
        {
            var a = autoPay.Current;
            return Results.Ok(new
            {
                auto_pay = a is null ? null : new
                {
                    card_label = a.CardLabel, pay_invoices = a.PayInvoices,
                    recharge_below = a.RechargeBelow is { } b ? ApiResults.Decimal(b) : null, recharge_below_mills = a.RechargeBelow?.Value,
                    recharge_amount = a.RechargeAmount is { } r ? ApiResults.Decimal(r) : null, recharge_amount_mills = a.RechargeAmount?.Value,
                },
            });
        }).WithName("GetPaymentInfo").WithSummary("The auto-pay settings (null when off): the card's label, whether invoices are paid, the prepaid top-up threshold and amount");

        me.MapPut("/payment-info", (AutoPayRequest body, AutoPayChanges autoPay) =>
            autoPay.Save(body.Card, body.Label, body.PayInvoices, body.RechargeBelow, body.RechargeAmount) is { Count: > 0 } errors
                ? ApiResults.Invalid(errors) : Results.NoContent())
            .WithName("SetPaymentInfo").WithSummary("Turns auto-pay on or changes it: card (token; empty keeps the card on file), label, pay_invoices, recharge_below and recharge_amount (together); 400 names the field");

        me.MapDelete("/payment-info", (AutoPayChanges autoPay) =>
            autoPay.Remove() is { Count: > 0 } errors ? ApiResults.Invalid(errors) : Results.NoContent())
            .WithName("RemovePaymentInfo").WithSummary("Turns automatic payments off");
    }
}
