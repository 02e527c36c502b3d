using Centrex.Portal.Features.Customer.Invoices;
using Centrex.Portal.Security;
using Centrex.Provisioning.Model;
using Centrex.Rating.Money;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Customer.Payments;

/// <summary>Make a Payment (seed 004, Billing Information): the balance, the amount due, and a card payment through the gateway.</summary>
public sealed class IndexModel(PaymentDesk desk, CustomerScope scope, InvoiceQueries invoices) : PageModel
{
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public bool Configured => desk.Configured;

    public Mills Balance { get; private set; }

    /// <summary>What the invoices owe, in each currency they were issued in (<see cref="AmountsOwed"/>).</summary>
    public IReadOnlyList<Localization.MoneyText> AmountsDue { get; private set; } = [];

    public string Currency => scope.Customer.Currency;

    public string? Amount { get; private set; }

    public IReadOnlyList<string> PrepaidLines => [.. scope.View.Accounts.Where(a => a.Type == AccountType.Debit).Select(a => a.Id)];

    public Task OnGetAsync() => Load();

    public async Task<IActionResult> OnPost(string? amount, string? card, string? line)
    {
        var (done, _, message) = await desk.Pay(amount, card, line, Errors);
        if (done)
        {
            TempData["Saved"] = message;
            return RedirectToPage();
        }

        if (message.Length > 0)
        {
            Errors["card"] = message;
        }

        Amount = amount;
        await Load();
        return Page();
    }

    private async Task Load()
    {
        Balance = (await scope.MoneyAsync()).Balance;
        AmountsDue = AmountsOwed.Of(invoices.All(), Currency);
    }
}
