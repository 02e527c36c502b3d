using Centrex.Invoicing;
using Centrex.Invoicing.Invoices;
using Centrex.Portal.Data;
using Centrex.Portal.Features.Customer.Invoices;
using Centrex.Portal.Localization;
using Centrex.Rating.Money;
using CustomerRecord = Centrex.Provisioning.Model.Customer;

namespace Centrex.Portal.Features.Operator.Customers;

/// <summary>
/// Whether a customer's currency may change now. An invoice keeps the currency it was issued in, but the rest of a
/// customer's money has none of its own: its lines' ledger balances are mills, and payments are pooled over every
/// invoice by amount (<see cref="InvoiceStatusCalculator"/>). Changed from dollars to yen with 12.34 owed, the balance
/// would read 12.340 yen, and a payment of 140 yen would settle a 0.14-dollar invoice. So the operator's editor changes
/// the currency only of a customer that owes nothing and is owed nothing (as a carrier moves a customer to another
/// currency: settle, then switch). <c>provision import</c> and its API stay the carrier's bulk tools and are not
/// checked here.
/// </summary>
public sealed class CurrencyChangeGuard(PortalData data)
{
    /// <summary>Why <paramref name="customer"/>'s currency cannot change now (noted for the page's language), or null when it can.</summary>
    public string? Refusal(CustomerRecord customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var view = data.Provisioning.Current.ForCustomer(customer.Id);
        var invoices = data.Billing.Read(b => b.Invoices(customer.Id));
        var today = data.Clock.GetCurrentInstant().InZone(NodaTime.DateTimeZoneProviders.Tzdb[customer.TimeZone]).Date;
        var owed = AmountsOwed.Of(InvoiceStatusCalculator.Compute(invoices, view.Payments, today, customer.Currency), customer.Currency);
        if (owed.Count > 0)
        {
            return Refuse("currency-owed", "stays {0} while the customer's invoices owe {1} {2}: payments are applied to invoices by amount, whatever their currency; settle them first",
                customer.Currency, owed[0]);
        }

        // Seed 001: balances are kept to the tenth of a cent and paid in cents; what rounds to nothing cannot be settled.
        var balance = view.Accounts.Aggregate(Mills.Zero, (sum, line) => sum + data.Ledger.Balance(line.Id));
        return MoneyRounding.HalfUpToMinorUnit(balance, customer.Currency) == Mills.Zero
            ? null
            : Refuse("currency-balance", "stays {0} while the customer's lines have a balance ({1} {2} in all): a balance has no currency of its own; settle it first",
                customer.Currency, new MoneyText(balance, customer.Currency));
    }

    // The English message (resource refusal.CODE's text) with the arguments in, noted under its code for a page in
    // another language.
    private static string Refuse(string code, string format, string currency, MoneyText amount)
    {
        var message = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, currency, amount, amount.Currency);
        Refusals.Note(Refusals.Current, code, message, currency, amount, amount.Currency);
        return message;
    }
}
