using System.Text;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Centrex.Provisioning.Store;

namespace Centrex.Provisioning.Tests;

/// <summary>
/// Issue 15: what a phone sets by star code and the switch writes back: a line's <c>phone_forwarding</c> (<c>*72</c>,
/// <c>*73</c>) and a customer's <c>night_mode</c> (<c>*33</c>), through the JSON format, the validator and the store; an
/// import that changes the line's forwarding replaces the phone's.
/// </summary>
public sealed class PhoneSettingsProvisioningTests : IDisposable
{
    private const string Forwarding = """
        , "forwarding": { "mode": "follow-me", "ring_for": 25, "targets": [ { "number": "+19025550199", "ring_for": 30 } ] }
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string File(string account, string customer = "") => $$"""
        { "format": "centrex-provisioning/1",
          "customers": [ { "id": "C1", "company": "Acme", "contact": "A", "email": "a@x.example",
             "address": { "street": "1 Main", "city": "Halifax", "province": "NS", "country": "CA", "postal_code": "B3J" },
             "time_zone": "America/Halifax" {{customer}} } ],
          "accounts": [ { "id": "A1", "customer": "C1", "type": "credit", "extension": "101", "sip": { "username": "a1", "ha1_md5": "0123456789abcdef0123456789abcdef" },
                          "dids": ["+19025550101"] {{account}} },
                        { "id": "A2", "customer": "C1", "type": "debit" } ] }
        """;

    private static ProvisioningSnapshot Parse(string json) => ProvisioningJsonReader.Parse(Encoding.UTF8.GetBytes(json), "phone.json");

    private static string Export(ProvisioningSnapshot snapshot)
    {
        using var buffer = new MemoryStream();
        ProvisioningJsonWriter.Write(snapshot, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public void StarCodeWrites_KeptBesideTheProvisionedForwarding_ExportedAndReimportedAsTheyWere()
    {
        using var store = ProvisioningStore.Open(_folder.Path);
        store.Import(Parse(File(Forwarding + """, "do_not_disturb": true""")), "phone.json");

        Assert.True(store.SetPhoneForwarding("A1", new PhoneForwarding(ForwardWhen.Unanswered, "15145550100")));
        Assert.True(store.SetNightMode("C1", true));
        Assert.False(store.SetPhoneForwarding("gone", PhoneForwarding.Off));
        Assert.False(store.SetNightMode("gone", true));

        var loaded = store.Load();
        var a1 = loaded.Accounts[0];
        Assert.Equal(new PhoneForwarding(ForwardWhen.Unanswered, "15145550100"), a1.PhoneForwarding);
        Assert.Equal((ForwardingMode.FollowMe, 25, "+19025550199"), (a1.Forwarding.Mode, a1.Forwarding.RingSeconds, a1.Forwarding.Targets[0].Number)); // the portal's list is kept
        Assert.True(a1.Screening.DoNotDisturb); // the row's other settings untouched
        Assert.True(loaded.Customers[0].NightMode);
        Assert.Null(loaded.Accounts[1].PhoneForwarding);

        var exported = Export(loaded);
        Assert.Contains("\"night_mode\": true", exported, StringComparison.Ordinal);
        Assert.Contains("\"when\": \"unanswered\",", exported, StringComparison.Ordinal);
        Assert.Equal(exported, Export(Parse(exported)));

        store.Import(Parse(exported), "export.json"); // an import of the export keeps them
        Assert.Equal(a1.PhoneForwarding, store.Load().Accounts[0].PhoneForwarding);

        Assert.True(store.SetPhoneForwarding("A1", PhoneForwarding.Off)); // *72*: the phone turned forwarding off
        Assert.True(store.SetNightMode("C1", false));
        var off = store.Load();
        Assert.Equal(PhoneForwarding.Off, off.Accounts[0].PhoneForwarding);
        Assert.False(off.Customers[0].NightMode);
        Assert.Contains("\"phone_forwarding\": {\n        \"when\": \"off\"\n      }", Export(off).ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("night_mode", Export(off), StringComparison.Ordinal);
    }

    [Fact]
    public void ImportThatChangesTheLinesForwarding_ReplacesThePhones_OneThatKeepsItDoesNot()
    {
        using var store = ProvisioningStore.Open(_folder.Path);
        store.Import(Parse(File(Forwarding)), "phone.json");
        store.SetPhoneForwarding("A1", new PhoneForwarding(ForwardWhen.Always, "102"));
        var stored = store.Load();

        // The portal renames the extension: it sends the record as it is, phone_forwarding included.
        store.Import(stored with { Accounts = [stored.Accounts[0] with { ExtensionName = "Front desk" }, stored.Accounts[1]] }, "portal");
        Assert.Equal(new PhoneForwarding(ForwardWhen.Always, "102"), store.Load().Accounts[0].PhoneForwarding);

        // The portal sets the line's forwarding: provisioning is the later word.
        var changed = stored.Accounts[0].Forwarding with { RingSeconds = 40 };
        store.Import(stored with { Accounts = [stored.Accounts[0] with { Forwarding = changed }, stored.Accounts[1]] }, "portal");
        var after = store.Load().Accounts[0];
        Assert.Null(after.PhoneForwarding);
        Assert.Equal(40, after.Forwarding.RingSeconds);
    }

    [Fact]
    public void TheLinesRingTime_IsKeptAndExportedWhileItsForwardingIsOff()
    {
        using var store = ProvisioningStore.Open(_folder.Path);
        store.Import(Parse(File(""", "forwarding": { "mode": "off", "ring_for": 12 }""")), "phone.json");

        var loaded = store.Load();
        Assert.Equal((ForwardingMode.Off, 12), (loaded.Accounts[0].Forwarding.Mode, loaded.Accounts[0].Forwarding.RingSeconds));
        Assert.Contains("\"ring_for\": 12", Export(loaded), StringComparison.Ordinal);
        Assert.True(loaded.Accounts[1].Forwarding.IsUnset); // nothing given: nothing stored, nothing shown
        Assert.Single(Export(loaded).Split("\"forwarding\"")[1..]);
    }

    [Theory]
    [InlineData(""", "phone_forwarding": { "when": "always", "number": "+19025550101" } """, "phone.json: accounts (id \"A1\"): field \"phone_forwarding.number\": '+19025550101' is this line itself (a call would be forwarded to itself)")]
    [InlineData(""", "phone_forwarding": { "when": "always", "number": "101" } """, "phone.json: accounts (id \"A1\"): field \"phone_forwarding.number\": '101' is this line itself (a call would be forwarded to itself)")]
    [InlineData(""", "phone_forwarding": { "when": "always", "number": "sip:x@example.com" } """, "phone.json: accounts (id \"A1\"): field \"phone_forwarding.number\": 'sip:x@example.com' is not a phone number or extension (2 to 15 digits, + allowed)")]
    [InlineData(""", "phone_forwarding": { "when": "sometimes", "number": "102" } """, "phone.json, accounts[0] (id \"A1\"), phone_forwarding: field \"when\": 'sometimes' is not one of always, unanswered")]
    [InlineData(""", "phone_forwarding": { "when": "off", "number": "102" } """, "phone.json, accounts[0] (id \"A1\"), phone_forwarding: field \"number\": forwarding the phone turned off has no number")]
    [InlineData(""", "phone_forwarding": { "when": "always" } """, "phone.json, accounts[0] (id \"A1\"), phone_forwarding: missing field \"number\"")]
    public void BadPhoneForwarding_IsRefusedNamingRecordAndField(string account, string message)
    {
        using var store = ProvisioningStore.Open(_folder.Path);

        var e = Assert.Throws<ProvisioningException>(() => store.Import(Parse(File(account)), "phone.json"));

        Assert.Equal(message, e.Message);
    }
}
