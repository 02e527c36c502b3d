using System.Text;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Centrex.Provisioning.Store;

namespace Centrex.Provisioning.Tests;

/// <summary>Issue 14: emergency numbers, the emergency trunk and call-back number, and each line's E911 service address, through JSON and the store.</summary>
public sealed class EmergencyProvisioningTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string File(string settings = "", string account = "", string extension = "101") => $$"""
        { "format": "centrex-provisioning/1",
          "switch": { "realm": "centrex.test" {{settings}} },
          "trunks": [ { "id": "pstn", "address": "192.0.2.1:5060" }, { "id": "e911", "address": "192.0.2.9:5060" } ],
          "customers": [ { "id": "C1", "company": "Acme", "contact": "A", "email": "a@x.example",
             "address": { "street": "1 Main", "city": "Halifax", "province": "NS", "country": "CA", "postal_code": "B3J" },
             "time_zone": "America/Halifax", "dialing_rules": "north-america", "trunk": "pstn" } ],
          "accounts": [ { "id": "16045550101", "customer": "C1", "type": "debit", "extension": "{{extension}}",
              "sip": { "ha1_md5": "0123456789abcdef0123456789abcdef" } {{account}} } ] }
        """;

    private static ProvisioningSnapshot Parse(string json) => ProvisioningJsonReader.Parse(Encoding.UTF8.GetBytes(json), "e911.json");

    [Fact]
    public void EmergencySettingsAndAddress_StoreAndExport_KeepEveryField()
    {
        var json = File(
            settings: """, "emergency_numbers": ["911", "933", "112"], "emergency_trunk": "e911", "emergency_callback": "+19025550911" """,
            account: """, "e911_address": { "street": "2 Side St", "city": "Dartmouth", "province": "NS", "country": "CA", "postal_code": "B2Y" } """);
        using (var store = ProvisioningStore.Open(_folder.Path))
        {
            store.Import(Parse(json), "e911.json");
        }

        using var reopened = ProvisioningStore.Open(_folder.Path);
        var loaded = reopened.Load();
        Assert.Equal(["911", "933", "112"], loaded.Switch!.EmergencyNumbers);
        Assert.Equal("e911", loaded.Switch.EmergencyTrunk);
        Assert.Equal("19025550911", loaded.Switch.EmergencyCallback);
        Assert.Equal(new ServiceAddress("2 Side St", "Dartmouth", "NS", "CA", "B2Y"), loaded.Accounts.Single().E911Address);

        using var export = new MemoryStream();
        ProvisioningJsonWriter.Write(loaded, export);
        var again = Parse(Encoding.UTF8.GetString(export.ToArray()));
        Assert.Equal(loaded.Switch.EmergencyNumbers, again.Switch!.EmergencyNumbers);
        Assert.Equal("19025550911", again.Switch.EmergencyCallback);
        Assert.Equal(loaded.Accounts.Single().E911Address, again.Accounts.Single().E911Address);
    }

    [Fact]
    public void WithoutEmergencySettings_911And933GoOutByTheCustomersTrunk()
    {
        var snapshot = Parse(File());
        Assert.Equal(["911", "933"], snapshot.Switch!.EmergencyNumbers);
        Assert.Null(snapshot.Switch.EmergencyTrunk);
        Assert.Null(snapshot.Switch.EmergencyCallback);
        Assert.Null(snapshot.Accounts.Single().E911Address);
    }

    [Theory]
    [InlineData(""", "emergency_trunk": "nowhere" """, "", "101", "emergency_trunk \"nowhere\" does not exist")]
    [InlineData(""", "emergency_numbers": ["9-1-1"] """, "", "101", "emergency_numbers: '9-1-1' is not 2 to 6 digits")]
    [InlineData(""", "emergency_callback": "911" """, "", "101", "field \"emergency_callback\": '911' is not an E.164 number")]
    [InlineData("", "", "911", "extension 911 is an emergency number")]
    [InlineData("", """, "e911_address": { "street": "x", "city": "y", "postal_code": "z" } """, "101", "e911_address")]
    public void BadEmergencyProvisioning_IsRefused_NamingTheField(string settings, string account, string extension, string message)
    {
        using var store = ProvisioningStore.Open(_folder.Path);

        var error = Assert.ThrowsAny<Exception>(() => store.Import(Parse(File(settings, account, extension)), "e911.json"));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmergencyExtension_IsRefusedWithAStableCodeAndItsValue_TheMessageUnchanged()
    {
        using var store = ProvisioningStore.Open(_folder.Path);

        var error = Assert.Throws<ProvisioningException>(() => store.Import(Parse(File(string.Empty, string.Empty, "911")), "e911.json"));

        // The portal shows it in the login's language from the code and values; the command line keeps the text.
        Assert.Equal(ProvisioningErrors.ExtensionEmergency, error.Code);
        Assert.Equal("extension-emergency", error.Code);
        Assert.Equal(["911"], error.Arguments);
        Assert.Equal("extension 911 is an emergency number: dialing it must always reach emergency services", error.Detail);
        Assert.EndsWith("): " + error.Detail, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("e911.json: accounts (id \"", error.Message, StringComparison.Ordinal);
    }
}
