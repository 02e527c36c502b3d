using Centrex.Provisioning.Model;
using Centrex.Rating.Money;

namespace Centrex.Provisioning;

/// <summary>A product's fees against its subscribers' currencies.</summary>
public static partial class ProvisioningValidator
{
    /// <summary>
    /// A product has no currency of its own: its fees are charged as written in each subscriber's currency, so each fee
    /// is a whole number of every subscriber's minor unit (ISO 4217: the cent, the whole yen, the fils). A fee of 1.5 with
    /// a yen subscriber charged 1.500 yen, an amount no yen invoice or payment can settle, and 19.995 charged a dollar
    /// customer a tenth of a cent a month that its amount due then rounded away. The portal reads a fee in the currency
    /// with the fewest decimals already; a product created before its first subscriber, an import, or a customer whose
    /// currency changed reached the store around it. The product is named with the field to fix and the subscription
    /// that makes the currency apply.
    /// </summary>
    private static void ValidateFeesInCurrencies(ProvisioningSnapshot s, Dictionary<string, Customer> customers, Dictionary<string, Account> accounts, Dictionary<string, Product> products, string source)
    {
        foreach (var x in s.Subscriptions)
        {
            if (!products.TryGetValue(x.ProductId, out var product) || !accounts.TryGetValue(x.AccountId, out var account) || !customers.TryGetValue(account.CustomerId, out var customer))
            {
                continue; // refused above with its own message
            }

            var step = CurrencyDigits.MillsPerMinorUnit(customer.Currency);
            foreach (var (field, fee) in (ReadOnlySpan<(string, Mills)>)[("monthly_fee", product.MonthlyFee), ("setup_fee", product.SetupFee)])
            {
                if (fee.Value % step != 0)
                {
                    var digits = CurrencyDigits.Of(customer.Currency).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    throw new ProvisioningException($"{source}: products (id \"{product.Id}\")", ProvisioningErrors.ProductFeeCurrency,
                        $"{field} '{fee}' has more decimals than {customer.Currency} has ({digits}), the currency of customer \"{customer.Id}\", whose subscription \"{x.Id}\" is to this product: a product's fees are charged as written in each subscriber's currency",
                        field, fee.ToString(), customer.Currency, digits, customer.Id, x.Id);
                }
            }
        }
    }
}
