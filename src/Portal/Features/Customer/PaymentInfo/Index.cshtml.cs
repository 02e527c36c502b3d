using Centrex.Portal.Data;
using Centrex.Portal.Security;
using Centrex.Provisioning.Model;
using Centrex.Rating.Money;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Security.Claims;

namespace Centrex.Portal.Features.Customer.PaymentInfo;

/// <summary>
/// Payment Info (seed 004 via the self-care manual's auto-pay settings; issue 17's <see cref="AutoPay"/>): the saved
/// card's token and label, "Auto-pay invoices using this payment method", and the auto-recharge threshold and amount.
/// Saved on the customer through provisioning's validation; <c>centrex autopay run</c> charges by it.
/// </summary>
public sealed class IndexModel(CustomerScope scope, ProvisioningChanges changes) : PageModel
{
    public AutoPay? AutoPay => scope.Customer.AutoPay;

    public string Currency => scope.Customer.Currency;

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Card { get; private set; }

    public string? Label { get; private set; }

    public string? RechargeBelow { get; private set; }

    public string? RechargeAmount { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost(string? card, string? label, bool pay_invoices, string? recharge_below, string? recharge_amount)
    {
        (Card, Label, RechargeBelow, RechargeAmount) = (card?.Trim(), label?.Trim(), recharge_below?.Trim(), recharge_amount?.Trim());
        var token = string.IsNullOrEmpty(Card) ? AutoPay?.CardToken : Card;
        if (token is null)
        {
            Errors["card"] = "enter the card's token";
        }
        else if (token.Length > 200 || token.Any(char.IsWhiteSpace))
        {
            Errors["card"] = "a token as the payment page gives it (no spaces)";
        }

        if (string.IsNullOrEmpty(Label))
        {
            Errors["label"] = "how the card is shown, e.g. VISA ****4242";
        }

        var below = Amount(RechargeBelow, "recharge_below");
        var amount = Amount(RechargeAmount, "recharge_amount");
        if (below is not null && amount is null && !Errors.ContainsKey("recharge_amount"))
        {
            Errors["recharge_amount"] = "how much each top-up is";
        }
        else if (below is null && amount is not null && !Errors.ContainsKey("recharge_below"))
        {
            // As import reads auto_pay: "recharge_below and recharge_amount go together".
            Errors["recharge_below"] = "the balance below which a prepaid line is topped up (or leave both empty)";
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        return Save(new AutoPay(token!, Label!, pay_invoices, below, below is null ? null : amount), "Payment info saved.");
    }

    public IActionResult OnPostRemove() => Save(null, "Automatic payments are off.");

    private IActionResult Save(AutoPay? autoPay, string saved)
    {
        var result = changes.Customer($"portal ({User.FindFirstValue(PortalClaims.Login)})", scope.Customer with { AutoPay = autoPay });
        if (!result.Done)
        {
            // Provisioning's auto_pay messages name the field after "auto_pay." (recharge_amount, card_token...).
            Errors[result.Field switch { "card_token" => "card", "card_label" => "label", { } f when f.StartsWith("recharge", StringComparison.Ordinal) => f, _ => string.Empty }] = result.Message!;
            return Page();
        }

        TempData["Saved"] = saved;
        return RedirectToPage();
    }

    private Mills? Amount(string? text, string field)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!Mills.TryParse(text, out var value) || value.Value % 10 != 0 || value <= Mills.Zero)
        {
            Errors[field] = "an amount such as 20.00 (whole cents, more than zero)";
            return null;
        }

        return value;
    }
}
