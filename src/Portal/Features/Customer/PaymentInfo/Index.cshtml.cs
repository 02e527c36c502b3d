using Centrex.Portal.Security;
using Centrex.Provisioning.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Customer.PaymentInfo;

/// <summary>
/// Payment Info (seed 004 via the self-care manual's auto-pay settings; issue 17's <see cref="AutoPay"/>): the saved
/// card's token and label, "Auto-pay invoices using this payment method", and the auto-recharge threshold and amount.
/// Saved by <see cref="AutoPayChanges"/> (as <c>/api/v1/me/payment-info</c> saves it); <c>centrex autopay run</c> charges by it.
/// </summary>
public sealed class IndexModel(CustomerScope scope, AutoPayChanges autoPay) : PageModel
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
        return Done(autoPay.Save(card, label, pay_invoices, recharge_below, recharge_amount), "Payment info saved.");
    }

    public IActionResult OnPostRemove() => Done(autoPay.Remove(), "Automatic payments are off.");

    private IActionResult Done(Dictionary<string, string> errors, string saved)
    {
        foreach (var (field, message) in errors)
        {
            Errors[field] = message;
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        TempData["Saved"] = saved;
        return RedirectToPage();
    }
}
