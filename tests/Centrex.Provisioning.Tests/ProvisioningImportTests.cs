using System.Text;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Centrex.Provisioning.Store;

namespace Centrex.Provisioning.Tests;

public sealed class ProvisioningImportTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static ProvisioningSnapshot Parse(string json) => ProvisioningJsonReader.Parse(Encoding.UTF8.GetBytes(json), "test.json");

    private static string Minimal(string customers = "", string accounts = "", string extra = "") => $$"""
        { "format": "centrex-provisioning/1",
          "customers": [ { "id": "C1", "company": "Acme", "contact": "A", "email": "a@x.example",
             "address": { "street": "1 Main", "city": "Halifax", "province": "NS", "country": "CA", "postal_code": "B3J" },
             "time_zone": "America/Halifax" {{customers}} } ],
          "accounts": [ { "id": "A1", "customer": "C1", "type": "credit" {{accounts}} } ] {{extra}} }
        """;

    [Fact]
    public void Sample_ImportsAndExportsToTheSameSnapshot()
    {
        using var store = ProvisioningStore.Open(_folder.Path);
        var imported = store.Import(ProvisioningJsonReader.Read(SampleFile.Path), SampleFile.Path);
        Assert.Equal(6, imported.Customers.Count);
        Assert.Equal(["ACC-1001", "ACC-1002", "ACC-1003", "ACC-1004", "ACC-1005", "ACC-1006"], imported.Accounts.Select(a => a.Id));

        using var exported = new MemoryStream();
        ProvisioningJsonWriter.Write(store.Load(), exported);
        var reread = ProvisioningJsonReader.Parse(exported.ToArray(), "export");
        using var again = new MemoryStream();
        ProvisioningJsonWriter.Write(reread, again);
        Assert.Equal(Encoding.UTF8.GetString(exported.ToArray()), Encoding.UTF8.GetString(again.ToArray()));
        Assert.Equal(imported.Payments, reread.Payments);
        Assert.Equal(imported.Subscriptions, reread.Subscriptions);
        Assert.Equal(["DP-UK", "DP-INTL"], reread.Accounts[0].DiscountPlans);
        Assert.Equal(imported.DiscountPlans.Select(d => d.Plan.Tiers.Count), reread.DiscountPlans.Select(d => d.Plan.Tiers.Count));
    }

    [Fact]
    public void UnknownField_IsRejectedNamingTheRecord()
    {
        var e = Assert.Throws<ProvisioningException>(() => Parse(Minimal(accounts: ", \"fax\": \"555\"")));
        Assert.Contains("accounts[0] (id \"A1\")", e.Message, StringComparison.Ordinal);
        Assert.Contains("unknown field \"fax\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownTopLevelKey_IsRejected()
    {
        var e = Assert.Throws<ProvisioningException>(() => Parse(Minimal(extra: ", \"extensions\": []")));
        Assert.Contains("unknown field \"extensions\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateId_IsRejectedNamingBothPlaces()
    {
        var json = Minimal().Replace("\"type\": \"credit\" ", "\"type\": \"credit\" }, { \"id\": \"A1\", \"customer\": \"C1\", \"type\": \"debit\" ", StringComparison.Ordinal);
        var e = Assert.Throws<ProvisioningException>(() => Parse(json));
        Assert.Contains("accounts[1] (id \"A1\"): duplicate id \"A1\" (first at test.json, accounts[0]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingReference_IsRejected_AndTheFailedImportChangesNothing()
    {
        using var store = ProvisioningStore.Open(_folder.Path);
        store.Import(ProvisioningJsonReader.Read(SampleFile.Path), "sample");
        var before = Export(store);

        var bad = Parse(Minimal(accounts: ", \"discount_plans\": [\"NOPE\"]"));
        var e = Assert.Throws<ProvisioningException>(() => store.Import(bad, "bad.json"));
        Assert.Equal("bad.json: accounts (id \"A1\"): discount plan \"NOPE\" does not exist", e.Message);
        Assert.Equal(before, Export(store));
    }

    [Fact]
    public void Import_MergesById_AndKeepsRecordsNotInTheFile()
    {
        using var store = ProvisioningStore.Open(_folder.Path);
        store.Import(ProvisioningJsonReader.Read(SampleFile.Path), "sample");
        var merged = store.Import(Parse(Minimal()), "more.json");
        Assert.Equal(7, merged.Customers.Count);
        Assert.Equal(7, store.Load().Accounts.Count);
    }

    [Fact]
    public void RecordedPayment_CannotChange()
    {
        using var store = ProvisioningStore.Open(_folder.Path);
        store.Import(ProvisioningJsonReader.Read(SampleFile.Path), "sample");
        var changed = Parse("""
            { "format": "centrex-provisioning/1", "payments": [
              { "id": "PAY-1", "customer": "CUST-QC", "received": "2026-10-05", "amount": "60.00", "method": "card", "reference": "x" } ] }
            """);
        var e = Assert.Throws<ProvisioningException>(() => store.Import(changed, "pay.json"));
        Assert.Contains("payments cannot change", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"time_zone\": \"America/Halifax\"", "\"time_zone\": \"Mars/Olympus\"", "is not an IANA time zone")]
    [InlineData("\"province\": \"NS\"", "\"province\": \"XX\"", "is not a Canadian province")]
    public void BadCustomerFields_AreRejected(string from, string to, string message)
    {
        using var store = ProvisioningStore.Open(_folder.Path);
        var e = Assert.Throws<ProvisioningException>(() => store.Import(Parse(Minimal().Replace(from, to, StringComparison.Ordinal)), "c.json"));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.Contains("customers (id \"C1\")", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Amounts_WithMoreThanThreeDecimals_AreRejected()
    {
        var e = Assert.Throws<ProvisioningException>(() => Parse(Minimal(accounts: ", \"credit_limit\": \"1.0005\"")));
        Assert.Contains("credit_limit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Emergency911_OutsideCanada_IsRejected()
    {
        using var store = ProvisioningStore.Open(_folder.Path);
        var json = Minimal(accounts: ", \"requires_911\": true").Replace("\"province\": \"NS\", \"country\": \"CA\"", "\"country\": \"US\"", StringComparison.Ordinal);
        var e = Assert.Throws<ProvisioningException>(() => store.Import(Parse(json), "us.json"));
        Assert.Contains("requires_911 is only for service addresses in Canada", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 17, rule 3. Seed 001, "Can I change my rate plans?": "If you are changing to a lower priced rate plan, the
    /// change will only occur at the end of your current billing cycle." A mid-month request is accepted and scheduled.
    /// </summary>
    [Fact]
    public void Downgrade_AskedMidMonth_IsAcceptedAndScheduledForThe1st_UpgradeMidMonth_StartsThatDay()
    {
        string Plans(string start, string low, string high, string? oldEnd = null) => Minimal(extra: $$"""
            , "products": [ { "id": "LOW", "name": "Low", "monthly_fee": "{{low}}" }, { "id": "HIGH", "name": "High", "monthly_fee": "{{high}}" } ],
              "subscriptions": [ { "id": "S1", "account": "A1", "product": "HIGH", "start": "2026-09-01" {{(oldEnd is null ? "" : $", \"end\": \"{oldEnd}\"")}} },
                                 { "id": "S2", "account": "A1", "product": "LOW", "start": "{{start}}", "replaces": "S1" } ]
            """);
        using var store = ProvisioningStore.Open(_folder.Path);
        var notices = new List<string>();
        var scheduled = store.Import(Parse(Plans("2026-10-12", "10", "20", oldEnd: "2026-10-11")), "down.json", notices.Add);
        Assert.Equal([("S1", new NodaTime.LocalDate(2026, 9, 1), (NodaTime.LocalDate?)new NodaTime.LocalDate(2026, 10, 31)), ("S2", new NodaTime.LocalDate(2026, 11, 1), null)],
            scheduled.Subscriptions.Select(x => (x.Id, x.Start, x.End)));
        Assert.Contains("subscription \"S2\" (a lower-priced plan asked for 2026-10-12) is scheduled for 2026-11-01", Assert.Single(notices), StringComparison.Ordinal);
        Assert.Equal(scheduled.Subscriptions, store.Load().Subscriptions);

        // Importing the same request again changes nothing; an upgrade mid-month takes effect that day.
        Assert.Equal(scheduled.Subscriptions, store.Import(Parse(Plans("2026-10-12", "10", "20")), "down.json").Subscriptions);
        Assert.Equal(new NodaTime.LocalDate(2026, 10, 12), store.Import(Parse(Plans("2026-10-12", "30", "20")), "up.json").Subscriptions.Single(x => x.Id == "S2").Start);
    }

    [Fact]
    public void Fees_SetupFeesAndNumbers_RoundTrip_AndPortingDefaultsTo75()
    {
        var json = Minimal(extra: """
            , "products": [ { "id": "DID", "name": "Local number", "monthly_fee": "2.50", "setup_fee": "10.00" } ],
              "subscriptions": [ { "id": "N1", "account": "A1", "product": "DID", "start": "2026-10-05", "did": "+15145550100" } ],
              "fees": [ { "id": "F1", "account": "A1", "date": "2026-10-05", "kind": "porting", "number": "+15145550100" },
                        { "id": "F2", "account": "A1", "date": "2026-10-06", "kind": "other", "description": "Vanity number search", "amount": "20.00" } ]
            """);
        using var store = ProvisioningStore.Open(_folder.Path);
        var imported = store.Import(Parse(json), "fees.json");
        Assert.Equal(new Rating.Money.Mills(10_000), imported.Products.Single().SetupFee);
        Assert.Equal("15145550100", imported.Subscriptions.Single().Did);
        var porting = imported.Fees.Single(f => f.Id == "F1");
        Assert.Equal((OneOffFeeKind.Porting, new Rating.Money.Mills(75_000), "Number porting fee (+15145550100)"), (porting.Kind, porting.Amount, porting.Description));
        var reread = ProvisioningJsonReader.Parse(Encoding.UTF8.GetBytes(Export(store)), "export");
        Assert.Equal(imported.Fees, reread.Fees);
        Assert.Equal(imported.Subscriptions, reread.Subscriptions);

        var noAmount = Assert.Throws<ProvisioningException>(() => Parse(json.Replace(", \"amount\": \"20.00\"", string.Empty, StringComparison.Ordinal)));
        Assert.Contains("fees[1] (id \"F2\"): missing field \"amount\"", noAmount.Message, StringComparison.Ordinal);
        var badAccount = Assert.Throws<ProvisioningException>(() => store.Import(Parse(json.Replace("\"account\": \"A1\", \"date\": \"2026-10-05\"", "\"account\": \"A9\", \"date\": \"2026-10-05\"", StringComparison.Ordinal)), "bad.json"));
        Assert.Contains("fees (id \"F1\"): account \"A9\" does not exist", badAccount.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Seed 001, "What are the limitations of using PayPal with Cititone?": "all re-occurring services (such as services
    /// with monthly fees) cannot be charged on a re-occurring basis with PayPal".
    /// </summary>
    [Fact]
    public void AutoPay_ByCard_RoundTrips_ByPayPal_IsRefused()
    {
        var card = Minimal(customers: """, "auto_pay": { "card_token": "tok_1", "card_label": "VISA ****4242", "pay_invoices": true, "recharge_below": "10.00", "recharge_amount": "50.00" }""");
        using var store = ProvisioningStore.Open(_folder.Path);
        var pay = store.Import(Parse(card), "card.json").Customers.Single().AutoPay!;
        Assert.Equal(("tok_1", true, (Rating.Money.Mills?)new Rating.Money.Mills(10_000), (Rating.Money.Mills?)new Rating.Money.Mills(50_000)), (pay.CardToken, pay.PayInvoices, pay.RechargeBelow, pay.RechargeAmount));
        Assert.Equal(pay, ProvisioningJsonReader.Parse(Encoding.UTF8.GetBytes(Export(store)), "export").Customers.Single().AutoPay);

        var paypal = Assert.Throws<ProvisioningException>(() => Parse(Minimal(customers: """, "auto_pay": { "method": "paypal", "card_token": "x" }""")));
        Assert.Contains("customers[0] (id \"C1\"), auto_pay: method 'paypal': automatic payments are by card only", paypal.Message, StringComparison.Ordinal);
        var half = Assert.Throws<ProvisioningException>(() => Parse(Minimal(customers: """, "auto_pay": { "card_token": "x", "recharge_below": "5" }""")));
        Assert.Contains("recharge_below and recharge_amount go together", half.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidJson_NamesTheLine()
    {
        var e = Assert.Throws<ProvisioningException>(() => Parse("{\n \"format\": \"centrex-provisioning/1\",\n \"customers\": [ }"));
        Assert.StartsWith("test.json: line 3", e.Message, StringComparison.Ordinal);
    }

    private static string Export(ProvisioningStore store)
    {
        using var stream = new MemoryStream();
        ProvisioningJsonWriter.Write(store.Load(), stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
