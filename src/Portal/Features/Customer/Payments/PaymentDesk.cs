using System.Globalization;
using System.Security.Cryptography;
using Centrex.Invoicing.Payments;
using Centrex.Invoicing.Store;
using Centrex.Ledger.Journal;
using Centrex.Portal.Data;
using Centrex.Portal.Features.Shared;
using Centrex.Portal.Security;
using Centrex.Provisioning.Model;
using Centrex.Rating.Money;

namespace Centrex.Portal.Features.Customer.Payments;

/// <summary>
/// Make a Payment (seed 004): the amount is charged through the configured <see cref="IPaymentGateway"/> (no real card
/// processor is built in: <c>centrex autopay configure --gateway test</c> sets the clearly named test gateway, which a
/// real processor's adapter replaces), recorded before the gateway is asked so nothing is charged twice, and an approval
/// becomes a payment in provisioning (the next invoice shows it); a top-up of a prepaid line also moves its ledger
/// balance at once, on the ledger's writer thread, so the switch authorizes calls again.
/// </summary>
public sealed class PaymentDesk(CustomerScope scope, PortalData data, ProvisioningChanges changes, Microsoft.AspNetCore.Http.IHttpContextAccessor http)
{
    /// <summary>Smallest payment (seed 004's screenshot: "5.00 USD minimum").</summary>
    public static readonly Mills Minimum = new(5_000);

    /// <summary>Largest payment through the portal.</summary>
    public static readonly Mills Maximum = new(10_000_000);

    /// <summary>Whether card payments are set up.</summary>
    public bool Configured => PaymentSettings.Open(data.DataDirectory) is not null;

    /// <summary>
    /// Pays <paramref name="amountText"/> with <paramref name="cardToken"/>, for the customer or to top up one of its
    /// prepaid lines: whether it was paid, what happened in English (the API's answer) and the same in the login's
    /// language (the page's); both empty when refused with <paramref name="errors"/>.
    /// </summary>
    public async Task<(bool Done, string Message, string Shown)> Pay(string? amountText, string? cardToken, string? topUpLine, Dictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var gateway = PaymentSettings.Open(data.DataDirectory);
        if (gateway is null)
        {
            errors["card"] = "card payments are not set up here: ask your service provider";
            return (false, string.Empty, string.Empty);
        }

        // In the customer's currency: whole yen, cents, fils (ISO 4217); a card is charged nothing finer.
        var currency = scope.Customer.Currency;
        var amount = MoneyField.Read(amountText, "amount", currency, new Mills(25_000), errors, http.HttpContext) ?? Mills.Zero;
        if (!errors.ContainsKey("amount") && (amount < Minimum || amount > Maximum))
        {
            var (low, high) = (new Localization.MoneyText(Minimum, currency), new Localization.MoneyText(Maximum, currency));
            errors["amount"] = $"from {low} to {high}";
            Localization.Refusals.Note(http.HttpContext, "amount-range", errors["amount"], low, high);
        }

        if (string.IsNullOrWhiteSpace(cardToken) || cardToken.Length > 200)
        {
            errors["card"] = "enter the card (its token)";
        }

        Account? line = null;
        if (!string.IsNullOrEmpty(topUpLine))
        {
            line = scope.Line(topUpLine);
            if (line is not { Type: AccountType.Debit })
            {
                errors["line"] = "not one of your prepaid lines";
                line = null;
            }
        }

        if (errors.Count > 0)
        {
            return (false, string.Empty, string.Empty);
        }

        var customer = scope.Customer;
        var key = "portal:" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var purpose = line is null ? "Payment" : $"Top-up of {line.Id}";
        var now = data.Clock.GetCurrentInstant();
        PaymentResult answer;
        using (var billing = BillingStore.Open(data.DataDirectory))
        {
            billing.StartPaymentAttempt(key, customer.Id, line?.Id, purpose, amount, now);
            answer = gateway.Charge(new PaymentRequest(key, cardToken!.Trim(), amount, customer.Currency, $"{data.Provider.Name}: {purpose}"));
            billing.FinishPaymentAttempt(key, answer, data.Clock.GetCurrentInstant());
        }

        if (!answer.Approved)
        {
            var reason = answer.Decline!.Value.ToText();
            errors["card"] = $"declined: {reason}";
            Localization.Refusals.Note(http.HttpContext, "card-declined", errors["card"], new Localization.ResourceText(reason));
            return (false, string.Empty, string.Empty);
        }

        var id = "WEB-" + key["portal:".Length..].ToUpperInvariant();
        var payment = new Payment(id, customer.Id, now.InZone(scope.Zone).Date, amount, PaymentMethod.Card, $"card {answer.Reference} ({purpose})", PaymentKind.Payment);
        var reference = answer.Reference ?? string.Empty;
        var recorded = changes.Apply($"portal payment {id}", _ => Provisioning.Model.ProvisioningSnapshot.Empty with { Payments = [payment] });
        if (!recorded.Done)
        {
            // Approved but not recorded: the attempt says approved; the operator records it from the gateway's reference.
            return Said("The card was charged (reference {0}) but the payment could not be recorded: {1}. Your service provider has the reference.", false, reference, recorded.Message!);
        }

        if (line is not null && data.Writer is { } writer)
        {
            await writer.Submit(w =>
            {
                w.TryPostMovement(new BalanceMovement(id, line.Id, MovementKind.TopUp, amount, now, payment.Reference));
                w.Commit();
                return 0;
            });
        }

        var money = Invoicing.Rendering.Amounts.Money(amount, customer.Currency);
        return line is null
            ? Said("Payment of {0} {1} approved (reference {2}).", true, money, customer.Currency, reference)
            : Said("Payment of {0} {1} approved (reference {2}). Line {3} is topped up.", true, money, customer.Currency, reference, line.Id);
    }

    // The outcome in English for the API and in the login's language for the page (issue 16: payment results in French).
    private (bool Done, string Message, string Shown) Said(string format, bool done, params object[] values) =>
        (done, string.Format(CultureInfo.InvariantCulture, format, values), http.HttpContext is { } context ? Localization.Translation.Of(context, format, values) : string.Empty);
}
