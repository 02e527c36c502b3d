using System.Security.Claims;
using Centrex.Portal.Data;
using Centrex.Portal.Features.Shared;
using Centrex.Portal.Security;
using Centrex.Provisioning.Model;
using Centrex.Rating.Money;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Features.Customer.PaymentInfo;

/// <summary>
/// The auto-pay settings of Payment Info, for its page and <c>/api/v1/me/payment-info</c> alike: the form's fields
/// checked here with the page's messages, then saved on the customer through provisioning's validation (its
/// <c>auto_pay.*</c> messages mapped back to the form's fields).
/// </summary>
public sealed class AutoPayChanges(CustomerScope scope, ProvisioningChanges changes, IHttpContextAccessor http)
{
    /// <summary>The settings as of now, or null when automatic payments are off.</summary>
    public AutoPay? Current => scope.Customer.AutoPay;

    /// <summary>
    /// Saves the settings; the errors by field (<c>card</c>, <c>label</c>, <c>recharge_below</c>,
    /// <c>recharge_amount</c>; empty when saved). An empty card keeps the card on file.
    /// </summary>
    public Dictionary<string, string> Save(string? card, string? label, bool payInvoices, string? rechargeBelow, string? rechargeAmount)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        (card, label, rechargeBelow, rechargeAmount) = (card?.Trim(), label?.Trim(), rechargeBelow?.Trim(), rechargeAmount?.Trim());
        var token = string.IsNullOrEmpty(card) ? Current?.CardToken : card;
        if (token is null)
        {
            errors["card"] = "enter the card's token";
        }
        else if (token.Length > 200 || token.Any(char.IsWhiteSpace))
        {
            errors["card"] = "a token as the payment page gives it (no spaces)";
        }

        if (string.IsNullOrEmpty(label))
        {
            errors["label"] = "how the card is shown, e.g. VISA ****4242";
        }

        var below = Amount(rechargeBelow, "recharge_below", errors);
        var amount = Amount(rechargeAmount, "recharge_amount", errors);
        if (below is not null && amount is null && !errors.ContainsKey("recharge_amount"))
        {
            errors["recharge_amount"] = "how much each top-up is";
        }
        else if (below is null && amount is not null && !errors.ContainsKey("recharge_below"))
        {
            // As import reads auto_pay: "recharge_below and recharge_amount go together".
            errors["recharge_below"] = "the balance below which a prepaid line is topped up (or leave both empty)";
        }

        return errors.Count > 0 ? errors : Store(new AutoPay(token!, label!, payInvoices, below, below is null ? null : amount));
    }

    /// <summary>Turns automatic payments off; the errors by field.</summary>
    public Dictionary<string, string> Remove() => Store(null);

    private Dictionary<string, string> Store(AutoPay? autoPay)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = changes.Customer($"portal ({http.HttpContext?.User.FindFirstValue(PortalClaims.Login)})", scope.Customer with { AutoPay = autoPay });
        if (!result.Done)
        {
            // Provisioning's auto_pay messages name the field after "auto_pay." (recharge_amount, card_token...).
            errors[result.Field switch { "card_token" => "card", "card_label" => "label", { } f when f.StartsWith("recharge", StringComparison.Ordinal) => f, _ => string.Empty }] = result.Message!;
        }

        return errors;
    }

    // In the customer's currency's decimals (ISO 4217): a card is topped up by whole yen, cents, fils.
    private Mills? Amount(string? text, string field, Dictionary<string, string> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var value = MoneyField.Read(text, field, scope.Customer.Currency, new Mills(20_000), errors, http.HttpContext);
        if (value is { } v && v <= Mills.Zero)
        {
            errors[field] = "more than zero";
            return null;
        }

        return value;
    }
}
