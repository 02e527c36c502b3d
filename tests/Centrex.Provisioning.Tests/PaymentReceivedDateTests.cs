using System.Text;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Centrex.Provisioning.Store;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Provisioning.Tests;

/// <summary>
/// A payment is money already received: import refuses one received after tomorrow (UTC), the portal's rule, from the
/// same place (<see cref="Payment.LatestReceived"/>) and with the day the import runs. Import took 9998-12-31.
/// </summary>
public sealed class PaymentReceivedDateTests : IDisposable
{
    private static readonly Instant Noon = Instant.FromUtc(2026, 12, 6, 12, 0);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static ProvisioningSnapshot Parse(string json) => ProvisioningJsonReader.Parse(Encoding.UTF8.GetBytes(json), "pay.json");

    private static ProvisioningSnapshot Paid(string id, string received) => Parse($$"""
        { "format": "centrex-provisioning/1", "payments": [
          { "id": "{{id}}", "customer": "CUST-QC", "received": "{{received}}", "amount": "60.00", "method": "card", "reference": "x" } ] }
        """);

    [Theory]
    [InlineData("2026-12-06")] // today
    [InlineData("2026-12-07")] // tomorrow: a customer east of UTC is already there
    [InlineData("2026-10-05")]
    [InlineData("2016-12-06")] // ten years back: a migration of a customer's history
    public void Merge_PaymentReceivedByTomorrow_IsTaken(string received)
    {
        var merged = ProvisioningValidator.Merge(ProvisioningSnapshot.Empty, Paid("PAY-NEW", received), "pay.json", Noon);

        Assert.Equal(LocalDatePattern.Iso.Parse(received).Value, Assert.Single(merged.Payments).Received);
    }

    [Theory]
    [InlineData("2026-12-08")]
    [InlineData("9998-12-31")]
    public void Merge_PaymentReceivedAfterTomorrow_IsRefusedNamingTheFileThePaymentAndItsField(string received)
    {
        var e = Assert.Throws<ProvisioningException>(() => ProvisioningValidator.Merge(ProvisioningSnapshot.Empty, Paid("PAY-NEW", received), "pay.json", Noon));

        Assert.Equal(ProvisioningErrors.PaymentReceivedFuture, e.Code);
        Assert.Equal([received, "2026-12-07"], e.Arguments);
        Assert.Equal($"pay.json: payments (id \"PAY-NEW\"): received '{received}' is in the future (the latest is 2026-12-07, tomorrow): a payment records money already received", e.Message);
    }

    [Theory]
    [InlineData("2016-12-05")]
    [InlineData("0226-12-05")] // a typo of the year
    [InlineData("0001-01-01")]
    public void Merge_PaymentReceivedMoreThanTenYearsAgo_IsRefusedNamingTheFileThePaymentAndItsField(string received)
    {
        var e = Assert.Throws<ProvisioningException>(() => ProvisioningValidator.Merge(ProvisioningSnapshot.Empty, Paid("PAY-NEW", received), "pay.json", Noon));

        Assert.Equal(ProvisioningErrors.PaymentReceivedPast, e.Code);
        Assert.Equal([received, "2016-12-06"], e.Arguments);
        Assert.Equal($"pay.json: payments (id \"PAY-NEW\"): received '{received}' is more than ten years ago (the earliest is 2016-12-06): check the year", e.Message);
    }

    [Fact]
    public void Merge_APaymentAlreadyStored_IsNotRecheckedAgainstToday()
    {
        // Re-importing an export changes nothing: the stored payment was taken on its day and is the same record.
        var stored = ProvisioningValidator.Merge(ProvisioningSnapshot.Empty, Paid("PAY-OLD", "2026-12-07"), "pay.json", Noon);

        var again = ProvisioningValidator.Merge(stored, Paid("PAY-OLD", "2026-12-07"), "export.json", Noon - Duration.FromDays(30));

        Assert.Equal(stored.Payments, again.Payments);
    }

    [Fact]
    public void Import_APaymentReceivedNextYear_ChangesNothing()
    {
        using var store = ProvisioningStore.Open(_folder.Path);
        store.Import(ProvisioningJsonReader.Read(SampleFile.Path), "sample");
        var before = store.Load().Payments;
        var nextYear = LocalDatePattern.Iso.Format(SystemClock.Instance.GetCurrentInstant().InUtc().Date.PlusYears(1));

        var e = Assert.Throws<ProvisioningException>(() => store.Import(Paid("PAY-LATER", nextYear), "pay.json"));

        Assert.StartsWith($"pay.json: payments (id \"PAY-LATER\"): received '{nextYear}' is in the future", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, store.Load().Payments);
    }
}
