using System.Text;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Centrex.Provisioning.Store;
using Centrex.Rating.Money;
using Microsoft.Data.Sqlite;

namespace Centrex.Provisioning.Tests;

/// <summary>An account's fraud controls (issue 14) through the JSON format, the validator and the SQLite store.</summary>
public sealed class FraudProvisioningTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string File(string fraud) => $$"""
        { "format": "centrex-provisioning/1",
          "customers": [ { "id": "C1", "company": "Acme", "contact": "A", "email": "a@x.example",
             "address": { "street": "1 Main", "city": "Halifax", "province": "NS", "country": "CA", "postal_code": "B3J" },
             "time_zone": "America/Halifax" } ],
          "accounts": [ { "id": "A1", "customer": "C1", "type": "credit" {{fraud}} }, { "id": "A2", "customer": "C1", "type": "debit" } ] }
        """;

    private static ProvisioningSnapshot Parse(string json) => ProvisioningJsonReader.Parse(Encoding.UTF8.GetBytes(json), "fraud.json");

    private static string Export(ProvisioningSnapshot snapshot)
    {
        using var buffer = new MemoryStream();
        ProvisioningJsonWriter.Write(snapshot, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public void Fraud_JsonToStoreToJson_KeepsEveryControl_AndAccountsWithoutAreWrittenWithout()
    {
        const string Fraud = """, "fraud": { "max_international_calls": 2, "max_spend_per_hour": "20.00", "max_spend_per_day": 100, "blocked_classes": ["premium"] }""";
        using (var store = ProvisioningStore.Open(_folder.Path))
        {
            store.Import(Parse(File(Fraud)), "fraud.json");
        }

        using var reopened = ProvisioningStore.Open(_folder.Path);
        var loaded = reopened.Load();

        var fraud = loaded.Accounts[0].Fraud!;
        Assert.Equal((2, new Mills(20_000), new Mills(100_000)), (fraud.MaxInternationalCalls, fraud.MaxSpendPerHour, fraud.MaxSpendPerDay));
        Assert.Equal([FraudClass.Premium], fraud.BlockedClasses);
        Assert.Null(loaded.Accounts[1].Fraud);
        var exported = Export(loaded);
        Assert.Contains("\"fraud\": {", exported, StringComparison.Ordinal);
        Assert.Contains("\"max_spend_per_hour\": \"20.000\"", exported, StringComparison.Ordinal);
        Assert.Contains("\"blocked_classes\": [", exported, StringComparison.Ordinal);
        Assert.Single(exported.Split("\"fraud\"")[1..]); // the account without controls has no fraud object
        Assert.Equal(exported, Export(Parse(exported)));
    }

    [Theory]
    [InlineData("\"max_spend_per_hour\": \"-1.00\"", "fraud.json: accounts (id \"A1\"): fraud.max_spend_per_hour is negative")]
    [InlineData("\"max_spend_per_day\": \"-0.001\"", "fraud.json: accounts (id \"A1\"): fraud.max_spend_per_day is negative")]
    [InlineData("\"max_international_calls\": 1, \"blocked_classes\": [\"international\"]", "fraud.json: accounts (id \"A1\"): fraud.max_international_calls is 1 but blocked_classes bars international calls")]
    [InlineData("\"blocked_classes\": [\"satellite\"]", "fraud.json, accounts[0] (id \"A1\"), fraud: field \"blocked_classes\": 'satellite' is not one of international, premium")]
    [InlineData("\"max_international_calls\": -1", "fraud.json, accounts[0] (id \"A1\"), fraud: field \"max_international_calls\" must be a whole number, 0 or more")]
    [InlineData("\"max_spend_per_hour\": \"20.0001\"", "fraud.json, accounts[0] (id \"A1\"), fraud: field \"max_spend_per_hour\": '20.0001' is not an amount")]
    [InlineData("\"max_calls\": 3", "fraud.json, accounts[0] (id \"A1\"), fraud: ")]
    public void BadFraudControls_AreRefusedNamingTheRecordAndField_AndNothingIsStored(string fraud, string expected)
    {
        using var store = ProvisioningStore.Open(_folder.Path);

        var e = Assert.Throws<ProvisioningException>(() => store.Import(Parse(File($", \"fraud\": {{ {fraud} }}")), "fraud.json"));

        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
        Assert.Empty(store.Load().Accounts);
    }

    [Fact]
    public void StoreOfVersion2_IsUpgradedOnOpen_ItsAccountsWithoutFraudControls()
    {
        var path = Path.Combine(_folder.Path, ProvisioningStore.FileName);
        using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            old.Open();
            SqliteMigrator.Migrate(old, ProvisioningSchema.Migrations[..2], "old store");
            using var insert = old.CreateCommand();
            insert.CommandText = """
                INSERT INTO customers VALUES ('C1', 'Acme', 'A', 'a@x.example', '1 Main', 'Halifax', 'NS', 'CA', 'B3J', 'CAD', 'America/Halifax', NULL, 'full', 'e164', NULL);
                INSERT INTO accounts VALUES ('A1', 'C1', 'credit', 500000, NULL, 0, '101', 'alice', NULL, NULL);
                """;
            insert.ExecuteNonQuery();
        }

        using var store = ProvisioningStore.Open(_folder.Path);

        var upgraded = Assert.Single(store.Load().Accounts);
        Assert.Null(upgraded.Fraud);
        Assert.Equal("101", upgraded.Extension);
        var merged = store.Import(Parse(File(""", "fraud": { "blocked_classes": ["international", "premium"] }""")), "fraud.json");
        Assert.Equal([FraudClass.International, FraudClass.Premium], merged.Accounts[0].Fraud!.BlockedClasses);
    }
}
