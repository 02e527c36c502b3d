using System.Security.Cryptography;
using Centrex.Portal.Data;
using Centrex.Portal.Features.Shared;
using Centrex.Provisioning;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Centrex.Rating.Money;

namespace Centrex.Portal.Features.Operator.Payments;

/// <summary>
/// Payments entry (issue 16): a payment or refund the carrier received, recorded in provisioning (billing's input)
/// through import's validation; the page and <c>POST /api/v1/operator/payments</c> both record through here.
/// </summary>
public sealed class PaymentEntry(PortalData data, ProvisioningChanges changes, Microsoft.AspNetCore.Http.IHttpContextAccessor http)
{
    /// <summary>The latest payments, newest first.</summary>
    public IReadOnlyList<Payment> Latest(int count) =>
        [.. data.Provisioning.Current.Snapshot.Payments.OrderByDescending(p => p.Received).ThenByDescending(p => p.Id, StringComparer.Ordinal).Take(count)];

    /// <summary>
    /// Records a payment (<paramref name="kind"/> <c>refund</c> for a refund); the payment, or the errors by field
    /// (<c>customer</c>, <c>received</c>, <c>amount</c>, <c>method</c>, <c>kind</c>).
    /// </summary>
    public (Payment? Payment, Dictionary<string, string> Errors) Record(string? customer, string? received, string? amount, string? method, string? kind, string? reference)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var payer = string.IsNullOrWhiteSpace(customer) ? null : data.Provisioning.Current.Customer(customer.Trim());
        if (payer is null)
        {
            errors["customer"] = "not a provisioned customer";
        }

        var day = FormValues.Date(received, "received", errors);
        if (day is null && !errors.ContainsKey("received"))
        {
            errors["received"] = "enter the day it was received";
        }

        // In the payer's currency's decimals (ISO 4217: whole yen, cents, fils), as it was received; without a payer
        // there is no currency to read it in, and the customer is the field to fix first.
        var mills = payer is null ? Mills.Zero : MoneyField.Read(amount, "amount", payer.Currency, new Mills(100_000), errors, http.HttpContext, allowSign: true) ?? Mills.Zero;
        if (payer is not null && !errors.ContainsKey("amount") && mills.Value <= 0)
        {
            errors["amount"] = "a positive amount (a refund is entered as one, of kind refund)";
        }

        // Money already received: not a day past tomorrow nor ten years back (import's rules: Payment.LatestReceived and
        // EarliestReceived), and no more than one payment records (9998-12-31, 0001-01-01 and 9,223,372,036,854,775.000
        // were taken). Checked here too so that the page names every field to fix at once.
        var now = data.Clock.GetCurrentInstant();
        if (day is { } d && d > Payment.LatestReceived(now))
        {
            errors["received"] = $"'{received!.Trim()}' is in the future: enter the day the money was received";
            Localization.Refusals.Note(http.HttpContext, "date-future", errors["received"], received.Trim());
        }
        else if (day is { } early && early < Payment.EarliestReceived(now))
        {
            var typed = NodaTime.Text.LocalDatePattern.Iso.Format(early);
            var first = NodaTime.Text.LocalDatePattern.Iso.Format(Payment.EarliestReceived(now));
            errors["received"] = $"received '{typed}' is more than ten years ago (the earliest is {first}): check the year";
            Localization.Refusals.Note(http.HttpContext, ProvisioningErrors.PaymentReceivedPast, errors["received"], typed, first);
        }

        if (!errors.ContainsKey("amount") && mills > Payment.MaxAmount)
        {
            // In the customer's currency's decimals, as its amounts are typed (10,000,000.00 dollars, not 10000000.000).
            var most = new Localization.MoneyText(Payment.MaxAmount, payer!.Currency);
            errors["amount"] = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"at most {most} in one payment");
            Localization.Refusals.Note(http.HttpContext, "payment-most", errors["amount"], most);
        }

        var paidBy = PaymentMethod.Card;
        if (!string.IsNullOrEmpty(method) && !WireNames.PaymentMethods.TryGetValue(method, out paidBy))
        {
            var methods = string.Join(", ", WireNames.PaymentMethods.Keys);
            errors["method"] = $"one of {methods}";
            Localization.Refusals.Note(http.HttpContext, "one-of", errors["method"], methods);
        }

        if (kind is not (null or "" or "payment" or "refund"))
        {
            errors["kind"] = "payment or refund";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var id = "OP-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6));
        var payment = new Payment(id, customer!.Trim(), day!.Value, mills, paidBy, reference?.Trim() ?? string.Empty, kind == "refund" ? PaymentKind.Refund : PaymentKind.Payment);
        var result = changes.Apply($"portal payment {id}", _ => ProvisioningSnapshot.Empty with { Payments = [payment] });
        if (!result.Done)
        {
            errors[result.Field ?? string.Empty] = result.Message!;
            return (null, errors);
        }

        return (payment, errors);
    }
}
