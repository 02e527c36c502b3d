using System.Security.Cryptography;
using Centrex.Portal.Data;
using Centrex.Portal.Features.Shared;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Centrex.Rating.Money;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Operator.Payments;

/// <summary>Payments entry (issue 16): a payment or refund received by the carrier, recorded in provisioning (billing's input) through import's validation.</summary>
public sealed class IndexModel(PortalData data, ProvisioningChanges changes) : PageModel
{
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string?> Form { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<Payment> Latest { get; private set; } = [];

    public void OnGet()
    {
        Form["received"] = Display.Show.Date(data.Clock.GetCurrentInstant().InUtc().Date);
        List();
    }

    public IActionResult OnPost(string? customer, string? received, string? amount, string? method, string? kind, string? reference)
    {
        foreach (var (k, v) in new[] { ("customer", customer), ("received", received), ("amount", amount), ("method", method), ("kind", kind), ("reference", reference) })
        {
            Form[k] = v;
        }

        var index = data.Provisioning.Current;
        if (string.IsNullOrWhiteSpace(customer) || index.Customer(customer.Trim()) is null)
        {
            Errors["customer"] = "not a provisioned customer";
        }

        var day = FormValues.Date(received, "received", Errors);
        if (day is null && !Errors.ContainsKey("received"))
        {
            Errors["received"] = "enter the day it was received";
        }

        if (!Mills.TryParse(amount?.Trim() ?? string.Empty, out var mills) || mills.Value <= 0)
        {
            Errors["amount"] = "a positive amount with at most 3 decimals";
        }

        var m = method is not null && WireNames.PaymentMethods.TryGetValue(method, out var pm) ? pm : PaymentMethod.Card;
        var k2 = kind == "refund" ? PaymentKind.Refund : PaymentKind.Payment;
        if (Errors.Count == 0)
        {
            var id = "OP-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6));
            var payment = new Payment(id, customer!.Trim(), day!.Value, mills, m, reference?.Trim() ?? string.Empty, k2);
            var result = changes.Apply($"portal payment {id}", _ => ProvisioningSnapshot.Empty with { Payments = [payment] });
            if (result.Done)
            {
                TempData["Saved"] = $"{(k2 == PaymentKind.Refund ? "Refund" : "Payment")} {id} recorded for {payment.CustomerId}.";
                return RedirectToPage();
            }

            Errors[result.Field ?? string.Empty] = result.Message!;
        }

        List();
        return Page();
    }

    private void List() => Latest = [.. data.Provisioning.Current.Snapshot.Payments.OrderByDescending(p => p.Received).ThenByDescending(p => p.Id, StringComparer.Ordinal).Take(50)];
}
