using System.Text;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Centrex.Provisioning.Store;

namespace Centrex.Provisioning.Tests;

/// <summary>
/// Issue 15: an account's caller ID and Hide CLI (seed 004 Identity), and the do not disturb, anonymous call rejection,
/// call waiting and blacklists of accounts and customers, through the JSON format, the validator and the SQLite store,
/// and a star code's single-setting write.
/// </summary>
public sealed class IdentityProvisioningTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string File(string account, string customer = "") => $$"""
        { "format": "centrex-provisioning/1",
          "customers": [ { "id": "C1", "company": "Acme", "contact": "A", "email": "a@x.example",
             "address": { "street": "1 Main", "city": "Halifax", "province": "NS", "country": "CA", "postal_code": "B3J" },
             "time_zone": "America/Halifax" {{customer}} } ],
          "accounts": [ { "id": "A1", "customer": "C1", "type": "credit", "sip": { "username": "a1", "ha1_md5": "0123456789abcdef0123456789abcdef" },
                          "dids": ["+19025550101", "+19025550102"] {{account}} },
                        { "id": "A2", "customer": "C1", "type": "debit" } ] }
        """;

    private static ProvisioningSnapshot Parse(string json) => ProvisioningJsonReader.Parse(Encoding.UTF8.GetBytes(json), "identity.json");

    private static string Export(ProvisioningSnapshot snapshot)
    {
        using var buffer = new MemoryStream();
        ProvisioningJsonWriter.Write(snapshot, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public void IdentityAndScreening_JsonToStoreToJson_KeepEverySetting_AndLinesWithoutAreWrittenWithout()
    {
        const string Account = """
            , "caller_id": "+19025550102", "hide_cli": "automatic", "hide_cli_prefix": "*67", "show_cli_prefix": "*82",
            "do_not_disturb": false, "anonymous_call_rejection": true, "call_waiting": false,
            "blacklist": { "numbers": ["+12125550199"], "prefixes": ["1900"] }
            """;
        using (var store = ProvisioningStore.Open(_folder.Path))
        {
            store.Import(Parse(File(Account, """, "call_waiting": true, "blacklist": { "prefixes": ["1976"] }, "caller_id": "+19025550101" """)), "identity.json");
        }

        using var reopened = ProvisioningStore.Open(_folder.Path);
        var loaded = reopened.Load();

        var a1 = loaded.Accounts[0];
        Assert.Equal(new LineIdentity("19025550102", HideCli.Automatic, "*67", "*82"), a1.Identity);
        Assert.Equal((false, true, false), (a1.Screening.DoNotDisturb, a1.Screening.AnonymousRejection, a1.Screening.CallWaiting));
        Assert.Equal(["12125550199"], a1.Screening.BlockedNumbers);
        Assert.Equal(["1900"], a1.Screening.BlockedPrefixes);
        Assert.True(loaded.Customers[0].Screening.CallWaiting);
        Assert.Equal(["1976"], loaded.Customers[0].Screening.BlockedPrefixes);
        Assert.Equal("19025550101", loaded.Customers[0].CallerId);
        Assert.True(loaded.Accounts[1].Identity.IsDefault && loaded.Accounts[1].Screening.IsEmpty);
        var exported = Export(loaded);
        Assert.Equal("19025550102", Parse(exported).Accounts[0].Identity.CallerId); // written "+19025550102" ('+' JSON-escaped)
        Assert.Contains("\"anonymous_call_rejection\": true", exported, StringComparison.Ordinal);
        Assert.Single(exported.Split("\"hide_cli_prefix\"")[1..]); // A2 sets nothing and shows nothing
        Assert.Equal(exported, Export(Parse(exported)));
    }

    [Theory]
    [InlineData(""", "caller_id": "+19025550199" """, "identity.json: accounts (id \"A1\"): caller_id +19025550199 is not one of its dids")]
    [InlineData(""", "hide_cli": "always", "hide_cli_prefix": "*67" """, "identity.json: accounts (id \"A1\"): hide_cli_prefix and show_cli_prefix are only for hide_cli \"automatic\"")]
    [InlineData(""", "hide_cli_prefix": "*6", "show_cli_prefix": "*67" """, "identity.json: accounts (id \"A1\"): hide_cli_prefix '*6' and show_cli_prefix '*67' overlap")]
    [InlineData(""", "hide_cli_prefix": "*7" """, "identity.json: accounts (id \"A1\"): hide_cli_prefix '*7' overlaps the feature code *72")]
    [InlineData(""", "show_cli_prefix": "*8" """, "identity.json: accounts (id \"A1\"): show_cli_prefix '*8' overlaps the feature code *86")]
    [InlineData(""", "hide_cli": "sometimes" """, "identity.json, accounts[0] (id \"A1\"): field \"hide_cli\": 'sometimes' is not one of never, always, automatic")]
    [InlineData(""", "hide_cli_prefix": "67a" """, "identity.json, accounts[0] (id \"A1\"): field \"hide_cli_prefix\": '67a' is not a dialing prefix")]
    [InlineData(""", "do_not_disturb": "yes" """, "identity.json, accounts[0] (id \"A1\"): field \"do_not_disturb\" must be true or false")]
    [InlineData(""", "blacklist": { "numbers": ["spam"] } """, "identity.json, accounts[0] (id \"A1\"), blacklist: field \"numbers\": 'spam' is not a number or prefix")]
    [InlineData(""", "blacklist": { "names": ["x"] } """, "identity.json, accounts[0] (id \"A1\"), blacklist: ")]
    public void BadSettings_AreRefusedNamingTheRecordAndField_AndNothingIsStored(string account, string expected)
    {
        using var store = ProvisioningStore.Open(_folder.Path);

        var e = Assert.Throws<ProvisioningException>(() => store.Import(Parse(File(account)), "identity.json"));

        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
        Assert.Empty(store.Load().Accounts);
    }

    [Fact]
    public void StarCodeWrite_ChangesOnlyThatSettingOfThatAccount_AndAnImportedRowKeepsItsOtherSettings()
    {
        using var store = ProvisioningStore.Open(_folder.Path);
        store.Import(Parse(File(""", "call_waiting": false""")), "identity.json");

        Assert.True(store.SetLineSetting("A1", "do_not_disturb", true));
        Assert.True(store.SetLineSetting("A2", "anonymous_call_rejection", true)); // a line with no row gets one
        Assert.False(store.SetLineSetting("gone", "do_not_disturb", true));

        var loaded = store.Load();
        Assert.Equal((true, null, false), (loaded.Accounts[0].Screening.DoNotDisturb, loaded.Accounts[0].Screening.AnonymousRejection, loaded.Accounts[0].Screening.CallWaiting));
        Assert.Equal((null, true), (loaded.Accounts[1].Screening.DoNotDisturb, loaded.Accounts[1].Screening.AnonymousRejection));
        Assert.Contains("\"do_not_disturb\": true", Export(loaded), StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => store.SetLineSetting("A1", "caller_id", true));
    }

    [Fact]
    public void CustomerCallerIdThatIsNoneOfItsLinesDids_IsRefusedNamingIt()
    {
        using var store = ProvisioningStore.Open(_folder.Path);

        var e = Assert.Throws<ProvisioningException>(() => store.Import(Parse(File("", """, "caller_id": "+19025550199" """)), "identity.json"));

        Assert.Equal("identity.json: customers (id \"C1\"): caller_id +19025550199 is not a DID of one of its accounts", e.Message);
    }

    [Fact]
    public void FeatureCodeThatIsASettingCode_IsRefusedNamingIt()
    {
        var json = File("").Replace("\"format\": \"centrex-provisioning/1\",", "\"format\": \"centrex-provisioning/1\", \"switch\": { \"feature_codes\": [\"*72\", \"*78\"] },", StringComparison.Ordinal);
        using var store = ProvisioningStore.Open(_folder.Path);

        var e = Assert.Throws<ProvisioningException>(() => store.Import(Parse(json), "identity.json"));

        Assert.StartsWith("identity.json: switch: feature_codes: '*78' is a setting code the switch answers itself", e.Message, StringComparison.Ordinal);
    }
}
