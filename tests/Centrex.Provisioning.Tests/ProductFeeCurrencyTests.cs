using System.Text;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Centrex.Provisioning.Store;

namespace Centrex.Provisioning.Tests;

/// <summary>
/// A product has no currency of its own: its fees are charged as written in each subscriber's currency, so each is a
/// whole number of every subscriber's minor unit (ISO 4217). Whichever record brings a fee and a currency together (the
/// product, a subscription, the customer's currency) is refused naming the product's field; a product made before its
/// first subscriber took 1.5 and then charged a yen customer 1.500 yen.
/// </summary>
public sealed class ProductFeeCurrencyTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ProvisioningStore _store;

    public ProductFeeCurrencyTests()
    {
        _store = ProvisioningStore.Open(_folder.Path);
        _store.Import(Parse("""
            { "format": "centrex-provisioning/1",
              "customers": [ { "id": "C-JP", "company": "Nihon", "contact": "A", "email": "a@x.example", "currency": "JPY",
                               "address": { "street": "1", "city": "Tokyo", "country": "JP", "postal_code": "100" }, "time_zone": "Asia/Tokyo" },
                             { "id": "C-CA", "company": "Acme", "contact": "A", "email": "c@x.example", "currency": "CAD",
                               "address": { "street": "1", "city": "Halifax", "province": "NS", "country": "CA", "postal_code": "B3J" }, "time_zone": "America/Halifax" },
                             { "id": "C-KW", "company": "Gulf", "contact": "A", "email": "k@x.example", "currency": "KWD",
                               "address": { "street": "1", "city": "Kuwait", "country": "KW", "postal_code": "1" }, "time_zone": "Asia/Kuwait" } ],
              "accounts": [ { "id": "A-JP", "customer": "C-JP", "type": "credit" }, { "id": "A-CA", "customer": "C-CA", "type": "credit" },
                            { "id": "A-KW", "customer": "C-KW", "type": "credit" } ],
              "products": [ { "id": "P-HALF", "name": "Half", "monthly_fee": "1.5", "free_north_america_minutes": 0 },
                            { "id": "P-YEN", "name": "Yen", "monthly_fee": "1980", "setup_fee": "500", "free_north_america_minutes": 0 },
                            { "id": "P-MILL", "name": "Mill", "monthly_fee": "19.995", "free_north_america_minutes": 0 },
                            { "id": "P-SETUP", "name": "Setup", "monthly_fee": "2", "setup_fee": "0.25", "free_north_america_minutes": 0 } ] }
            """), "setup.json");
    }

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    private static ProvisioningSnapshot Parse(string json) => ProvisioningJsonReader.Parse(Encoding.UTF8.GetBytes(json), "test.json");

    private static ProvisioningSnapshot Subscribe(string account, string product) => Parse($$"""
        { "format": "centrex-provisioning/1", "subscriptions": [ { "id": "S-{{account}}-{{product}}", "account": "{{account}}", "product": "{{product}}", "start": "2026-11-01" } ] }
        """);

    [Theory]
    [InlineData("A-JP", "P-YEN")]  // whole yen
    [InlineData("A-CA", "P-HALF")] // 1.50 dollars
    [InlineData("A-KW", "P-MILL")] // the fils is the mill
    [InlineData("A-CA", "P-SETUP")]
    public void Subscription_ToAFeeItsCurrencyWrites_IsTaken(string account, string product)
    {
        _store.Import(Subscribe(account, product), "sub.json");

        Assert.Single(_store.Load().Subscriptions);
    }

    [Theory]
    [InlineData("A-JP", "P-HALF", "monthly_fee '1.500' has more decimals than JPY has (0), the currency of customer \"C-JP\", whose subscription \"S-A-JP-P-HALF\" is to this product")]
    [InlineData("A-CA", "P-MILL", "monthly_fee '19.995' has more decimals than CAD has (2), the currency of customer \"C-CA\", whose subscription \"S-A-CA-P-MILL\" is to this product")]
    [InlineData("A-JP", "P-SETUP", "setup_fee '0.250' has more decimals than JPY has (0)")]
    public void Subscription_ToAFeeItsCurrencyCannotWrite_IsRefusedNamingTheProductAndField_NothingChanged(string account, string product, string detail)
    {
        var e = Assert.Throws<ProvisioningException>(() => _store.Import(Subscribe(account, product), "sub.json"));

        Assert.Equal(ProvisioningErrors.ProductFeeCurrency, e.Code);
        Assert.StartsWith($"sub.json: products (id \"{product}\"): {detail}", e.Message, StringComparison.Ordinal);
        Assert.Empty(_store.Load().Subscriptions);
    }

    [Fact]
    public void AFeeChangedUnderASubscriber_IsRefused()
    {
        _store.Import(Subscribe("A-JP", "P-YEN"), "sub.json");

        var e = Assert.Throws<ProvisioningException>(() => _store.Import(Parse("""
            { "format": "centrex-provisioning/1", "products": [ { "id": "P-YEN", "name": "Yen", "monthly_fee": "1980.5", "free_north_america_minutes": 0 } ] }
            """), "fee.json"));

        Assert.StartsWith("fee.json: products (id \"P-YEN\"): monthly_fee '1980.500' has more decimals than JPY has (0)", e.Message, StringComparison.Ordinal);
        Assert.Equal(1_980_000, _store.Load().Products.Single(p => p.Id == "P-YEN").MonthlyFee.Value);
    }

    [Fact]
    public void AStoreWrittenBeforeTheRule_IsReadAsItIs_AndItsOtherRecordsStillChange()
    {
        // A yen subscription to the 1.5 fee, as an older version stored it: serve's switch validates what it loads
        // (no change: nothing to refuse), and a change to another record is not refused for it.
        var old = _store.Load() with { Subscriptions = [new Subscription("S-OLD", "A-JP", "P-HALF", new NodaTime.LocalDate(2026, 11, 1), null, null)] };
        ProvisioningValidator.Validate(old, "provisioning.db");
        var other = old with { Products = [.. old.Products.Select(p => p.Id == "P-YEN" ? p with { MonthlyFee = new Rating.Money.Mills(2_480_000) } : p)] };
        ProvisioningValidator.Validate(other, "fee.json", old);

        var repriced = old with { Products = [.. old.Products.Select(p => p.Id == "P-HALF" ? p with { MonthlyFee = new Rating.Money.Mills(1_250) } : p)] };
        var e = Assert.Throws<ProvisioningException>(() => ProvisioningValidator.Validate(repriced, "fee.json", old));
        Assert.StartsWith("fee.json: products (id \"P-HALF\"): monthly_fee '1.250' has more decimals than JPY has (0)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACustomersCurrencyChangedUnderItsSubscriptions_IsRefused()
    {
        _store.Import(Subscribe("A-CA", "P-HALF"), "sub.json");
        var customer = _store.Load().Customers.Single(c => c.Id == "C-CA");

        var e = Assert.Throws<ProvisioningException>(() => _store.Import(ProvisioningSnapshot.Empty with { Customers = [customer with { Currency = "JPY" }] }, "currency.json"));

        Assert.StartsWith("currency.json: products (id \"P-HALF\"): monthly_fee '1.500' has more decimals than JPY has (0)", e.Message, StringComparison.Ordinal);
    }
}
