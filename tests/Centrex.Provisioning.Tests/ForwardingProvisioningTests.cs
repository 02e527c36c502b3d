using System.Text;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Centrex.Provisioning.Store;
using NodaTime;

namespace Centrex.Provisioning.Tests;

/// <summary>
/// Issue 16: a line's forwarding (seed 004: simple, follow-me with the period wizard's schedules, advanced with SIP URIs)
/// and its extension name, through JSON, validation and the store; errors name the field.
/// </summary>
public sealed class ForwardingProvisioningTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string File(string forwarding) => $$"""
        { "format": "centrex-provisioning/1",
          "customers": [ { "id": "C1", "company": "Acme", "contact": "A", "email": "a@x.example",
             "address": { "street": "1 Main", "city": "Halifax", "province": "NS", "country": "CA", "postal_code": "B3J" },
             "time_zone": "America/Halifax" } ],
          "accounts": [ { "id": "16045550101", "customer": "C1", "type": "debit", "extension": "101", "extension_name": "John",
              "sip": { "ha1_md5": "0123456789abcdef0123456789abcdef" }, "forwarding": {{forwarding}} } ] }
        """;

    private static ProvisioningSnapshot Parse(string json) => ProvisioningJsonReader.Parse(Encoding.UTF8.GetBytes(json), "fwd.json");

    [Fact]
    public void FollowMeWithAWeeknightPeriod_StoresAndExportsEveryField()
    {
        var json = File("""
            { "mode": "follow-me", "targets": [
              { "number": "+35644890579", "description": "cell", "ring_for": 15, "display": "forwarder", "schedule": [
                  { "from": "20:00", "to": "08:00", "days": ["mon", "tue", "wed", "thu", "fri"] } ] },
              { "number": "102", "enabled": false } ] }
            """);
        using (var store = ProvisioningStore.Open(_folder.Path))
        {
            store.Import(Parse(json), "fwd.json");
        }

        using var reopened = ProvisioningStore.Open(_folder.Path);
        var account = reopened.Load().Accounts.Single();
        Assert.Equal("John", account.ExtensionName);
        Assert.Equal(ForwardingMode.FollowMe, account.Forwarding.Mode);
        var cell = account.Forwarding.Targets[0];
        Assert.Equal(("+35644890579", "cell", 15, CallerDisplay.Forwarder, true), (cell.Number, cell.Description, cell.RingSeconds, cell.Display, cell.Enabled));
        var period = Assert.Single(cell.Schedule);
        Assert.Equal((new LocalTime(20, 0), new LocalTime(8, 0)), (period.From, period.To));
        Assert.Equal(RingPeriod.AllMonths, period.Months);
        Assert.False(account.Forwarding.Targets[1].Enabled);
        Assert.Equal(20, account.Forwarding.Targets[1].RingSeconds);

        using var export = new MemoryStream();
        ProvisioningJsonWriter.Write(reopened.Load(), export);
        var again = Parse(Encoding.UTF8.GetString(export.ToArray())).Accounts.Single();
        Assert.Equal(ProvisioningJsonWriter.ForwardingJson(account.Forwarding), ProvisioningJsonWriter.ForwardingJson(again.Forwarding));
        Assert.Equal("John", again.ExtensionName);
    }

    [Fact]
    public void APeriodPastMidnight_BelongsToTheDayItStarts()
    {
        var period = new RingPeriod(new LocalTime(20, 0), new LocalTime(8, 0), [IsoDayOfWeek.Friday], RingPeriod.AllMonths);

        Assert.True(period.Contains(new LocalDateTime(2026, 12, 4, 21, 0)));   // Friday evening
        Assert.True(period.Contains(new LocalDateTime(2026, 12, 5, 7, 59)));   // Saturday morning, started Friday
        Assert.False(period.Contains(new LocalDateTime(2026, 12, 5, 21, 0)));  // Saturday evening
        Assert.False(period.Contains(new LocalDateTime(2026, 12, 4, 7, 0)));   // Friday morning: started Thursday
    }

    [Theory]
    [InlineData("""{ "mode": "simple", "targets": [ { "number": "12ab" } ] }""", "field \"forwarding.targets[0].number\": '12ab' is not a phone number")]
    [InlineData("""{ "mode": "simple", "targets": [ { "number": "101" } ] }""", "field \"forwarding.targets[0].number\": '101' is this line itself")]
    [InlineData("""{ "mode": "follow-me", "targets": [ { "number": "+15145550100", "ring_for": 2 } ] }""", "field \"forwarding.targets[0].ring_for\": 2 is not 5 to 300 seconds")]
    [InlineData("""{ "mode": "follow-me", "targets": [] }""", "field \"forwarding.targets\": forwarding is on but has no number")]
    [InlineData("""{ "mode": "follow-me", "targets": [ { "number": "sip:pbx@192.0.2.5" } ] }""", "is not a phone number (+ and 2 to 15 digits)")]
    [InlineData("""{ "mode": "follow-me", "targets": [ { "number": "+15145550100", "schedule": [ { "from": "09:00", "to": "17:00", "days": [] } ] } ] }""", "field \"forwarding.targets[0].schedule[0].days\": choose at least one day")]
    [InlineData("""{ "mode": "follow-me", "targets": [ { "number": "+15145550100", "schedule": [ { "from": "25:00", "to": "17:00", "days": ["mon"] } ] } ] }""", "field \"from\": '25:00' is not a time HH:MM")]
    public void ABadForwarding_IsRefused_NamingTheAccountAndTheField(string forwarding, string message)
    {
        using var store = ProvisioningStore.Open(_folder.Path);

        var e = Assert.Throws<ProvisioningException>(() => store.Import(Parse(File(forwarding)), "fwd.json"));

        Assert.Contains("accounts", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.Empty(store.Load().Accounts);
    }

    [Fact]
    public void AdvancedMode_TakesASipUri()
    {
        using var store = ProvisioningStore.Open(_folder.Path);

        store.Import(Parse(File("""{ "mode": "advanced", "targets": [ { "number": "sip:pbx@192.0.2.5" } ] }""")), "fwd.json");

        Assert.Equal("sip:pbx@192.0.2.5", store.Load().Accounts.Single().Forwarding.Targets.Single().Number);
    }
}
