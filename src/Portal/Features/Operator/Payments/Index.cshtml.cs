using Centrex.Portal.Localization;
using Centrex.Portal.Data;
using Centrex.Portal.Features.Shared;
using Centrex.Provisioning.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Operator.Payments;

/// <summary>Payments entry (issue 16): a payment or refund received by the carrier, recorded by <see cref="PaymentEntry"/> (the API's too).</summary>
public sealed class IndexModel(PortalData data, PaymentEntry entry) : PageModel
{
    public Dictionary<string, string> Errors { get; private set; } = new(StringComparer.Ordinal);

    public Dictionary<string, string?> Form { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<Payment> Latest { get; private set; } = [];

    /// <summary>The table's sortable columns (the newest first unless the URL says otherwise).</summary>
    public static TableSort<Payment> Sorting { get; } = new("received", defaultDescending: true,
    [
        ("id", p => p.Id), ("customer", p => p.CustomerId), ("received", p => p.Received), ("amount", p => p.Amount.Value), ("method", p => p.Method.ToString()),
        ("kind", p => p.Kind.ToString()), ("reference", p => p.Reference),
    ]);

    /// <summary>The page of payments shown, in the URL's order.</summary>
    public Paged<Payment> Result => field ??= Sorting.Page(Request.Query, Latest);

    /// <summary>The currency of <paramref name="customerId"/>, in which its payments are shown (its decimals: ISO 4217).</summary>
    public string Currency(string customerId) => data.Provisioning.Current.Customer(customerId)?.Currency ?? string.Empty;

    public void OnGet()
    {
        Form["received"] = Display.Show.IsoDate(data.Clock.GetCurrentInstant().InUtc().Date);
        Latest = entry.Latest(int.MaxValue);
    }

    public IActionResult OnPost(string? customer, string? received, string? amount, string? method, string? kind, string? reference)
    {
        foreach (var (k, v) in new[] { ("customer", customer), ("received", received), ("amount", amount), ("method", method), ("kind", kind), ("reference", reference) })
        {
            Form[k] = v;
        }

        var (payment, errors) = entry.Record(customer, received, amount, method, kind, reference);
        if (payment is not null)
        {
            TempData["Saved"] = payment.Kind == PaymentKind.Refund
                ? Translation.Of(HttpContext, "Refund {0} recorded for {1}.", payment.Id, payment.CustomerId)
                : Translation.Of(HttpContext, "Payment {0} recorded for {1}.", payment.Id, payment.CustomerId);
            return RedirectToPage();
        }

        Errors = errors;
        Latest = entry.Latest(int.MaxValue);
        return Page();
    }
}
