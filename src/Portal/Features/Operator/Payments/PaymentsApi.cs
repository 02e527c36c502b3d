using Centrex.Portal.Features.Operator.Api;
using Centrex.Provisioning.Access;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime.Text;

namespace Centrex.Portal.Features.Operator.Payments;

/// <summary>
/// <c>/api/v1/operator/payments</c>: the latest payments (<c>billing:read</c>); record a payment or refund
/// (<c>payments:write</c>) through <see cref="PaymentEntry"/>, the page's own, validated like <c>provision import</c>.
/// </summary>
internal static class PaymentsApi
{
    /// <summary>A payment: the customer, the day received, the amount (text, at most 3 decimals), method, kind, reference.</summary>
    public sealed record PaymentRequest(string? Customer, string? Received, string? Amount, string? Method, string? Kind, string? Reference);

    public static void Map(RouteGroupBuilder operatorGroup)
    {
        operatorGroup.MapGet("/payments", (PaymentEntry entry) => Results.Ok(entry.Latest(200).Select(Json)))
            .Scoped(ApiScope.BillingRead).WithName("ListPayments").WithSummary("The latest 200 payments and refunds, newest first");

        operatorGroup.MapPost("/payments", (PaymentRequest body, PaymentEntry entry) =>
        {
            var (payment, errors) = entry.Record(body.Customer, body.Received, body.Amount, body.Method, body.Kind, body.Reference);
            return payment is null ? ApiFields.Refused(errors) : Results.Created($"{Security.PortalPaths.Api}/operator/payments", Json(payment));
        }).Scoped(ApiScope.PaymentsWrite).WithName("RecordPayment").WithSummary("Records a payment or refund (kind refund) received by the carrier");
    }

    private static object Json(Payment p) => new
    {
        id = p.Id, customer = p.CustomerId, received = LocalDatePattern.Iso.Format(p.Received), amount_mills = p.Amount.Value,
        method = WireNames.Name(WireNames.PaymentMethods, p.Method), kind = WireNames.Name(WireNames.PaymentKinds, p.Kind), reference = p.Reference,
    };
}
