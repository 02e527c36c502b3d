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
    /// <para>
    /// Checked on a change (<paramref name="stored"/> given), for each subscription whose fee or currency the change
    /// brings: a store written before this rule is read as it is (serve's switch validates what it loads, and a billing
    /// rule must not keep it from starting), and its other records can still be changed.
    /// </para>
    /// </summary>
    private static void ValidateFeesInCurrencies(ProvisioningSnapshot s, string source, ProvisioningSnapshot? stored)
    {
        if (stored is null)
        {
            return;
        }

        var before = Charged(stored).ToHashSet();
        foreach (var charged in Charged(s).Where(c => !before.Contains(c)))
        {
            var (subscription, product, monthly, setup, customer, currency) = charged;
            var step = CurrencyDigits.MillsPerMinorUnit(currency);
            foreach (var (field, fee) in (ReadOnlySpan<(string, Mills)>)[("monthly_fee", monthly), ("setup_fee", setup)])
            {
                if (fee.Value % step != 0)
                {
                    var digits = CurrencyDigits.Of(currency).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    throw new ProvisioningException($"{source}: products (id \"{product}\")", ProvisioningErrors.ProductFeeCurrency,
                        $"{field} '{fee}' has more decimals than {currency} has ({digits}), the currency of customer \"{customer}\", whose subscription \"{subscription}\" is to this product: a product's fees are charged as written in each subscriber's currency",
                        field, fee.ToString(), currency, digits, customer, subscription);
                }
            }
        }
    }

    // Each subscription with the fees it is charged and the currency they are charged in (those whose product, account
    // or customer is missing are refused with their own message).
    private static IEnumerable<(string Subscription, string Product, Mills Monthly, Mills Setup, string Customer, string Currency)> Charged(ProvisioningSnapshot s)
    {
        var customers = s.Customers.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var accounts = s.Accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var products = s.Products.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var x in s.Subscriptions)
        {
            if (products.TryGetValue(x.ProductId, out var p) && accounts.TryGetValue(x.AccountId, out var a) && customers.TryGetValue(a.CustomerId, out var c))
            {
                yield return (x.Id, p.Id, p.MonthlyFee, p.SetupFee, c.Id, c.Currency);
            }
        }
    }
}
