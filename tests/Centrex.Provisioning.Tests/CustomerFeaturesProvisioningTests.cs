using System.Text;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Centrex.Provisioning.Store;
using Microsoft.Data.Sqlite;

namespace Centrex.Provisioning.Tests;

/// <summary>
/// A customer's feature prefixes and distinctive-ring option (issue 15, seed 004: pickup, park, release, paging) through
/// the JSON format, the validator and the SQLite store, with seed-based defaults for customers that give none.
/// </summary>
public sealed class CustomerFeaturesProvisioningTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string File(string features) => $$"""
        { "format": "centrex-provisioning/1",
          "customers": [ { "id": "C1", "company": "Acme", "contact": "A", "email": "a@x.example",
             "address": { "street": "1 Main", "city": "Halifax", "province": "NS", "country": "CA", "postal_code": "B3J" },
             "time_zone": "America/Halifax" {{features}} },
             { "id": "C2", "company": "Beta", "contact": "B", "email": "b@x.example",
             "address": { "street": "2 Main", "city": "Halifax", "province": "NS", "country": "CA", "postal_code": "B3J" },
             "time_zone": "America/Halifax" } ] }
        """;

    private static ProvisioningSnapshot Parse(string json) => ProvisioningJsonReader.Parse(Encoding.UTF8.GetBytes(json), "features.json");

    private static string Export(ProvisioningSnapshot snapshot)
    {
        using var buffer = new MemoryStream();
        ProvisioningJsonWriter.Write(snapshot, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public void Features_JsonToStoreToJson_KeepEveryPrefix_AndACustomerWithoutGetsTheDefaults()
    {
        const string Features = """, "pickup_prefix": "*88", "park_prefix": "80", "release_prefix": "81", "paging_prefix": "*90", "ext_distinctive_ring": false""";
        using (var store = ProvisioningStore.Open(_folder.Path))
        {
            store.Import(Parse(File(Features)), "features.json");
        }

        using var reopened = ProvisioningStore.Open(_folder.Path);
        var loaded = reopened.Load();

        Assert.Equal(new CustomerFeatures("*88", "80", "81", "*90", false), loaded.Customers[0].DialPlan.Features);
        Assert.Equal(new CustomerFeatures("*77", "70", "71", "*80", true), loaded.Customers[1].DialPlan.Features);
        var exported = Export(loaded);
        Assert.Contains("\"park_prefix\": \"80\"", exported, StringComparison.Ordinal);
        Assert.Contains("\"ext_distinctive_ring\": false", exported, StringComparison.Ordinal);
        Assert.Single(exported.Split("\"pickup_prefix\"")[1..]); // defaults are not written
        Assert.Equal(exported, Export(Parse(exported)));
    }

    [Theory]
    [InlineData("\"park_prefix\": \"*70\"", "features.json: customers (id \"C1\"): park_prefix: '*70' is not 1 to 6 digits")]
    [InlineData("\"release_prefix\": \"\"", "features.json: customers (id \"C1\"): release_prefix: '' is not 1 to 6 digits")]
    [InlineData("\"paging_prefix\": \"*8a\"", "features.json: customers (id \"C1\"): paging_prefix: '*8a' is not 1 to 6 digits, * or #")]
    [InlineData("\"release_prefix\": \"700\"", "features.json: customers (id \"C1\"): release_prefix: '700' begins with park_prefix '70'")]
    [InlineData("\"ext_distinctive_ring\": \"yes\"", "features.json, customers[0] (id \"C1\"): field \"ext_distinctive_ring\" must be true or false")]
    public void BadFeatures_AreRefusedNamingTheRecordAndField_AndNothingIsStored(string features, string expected)
    {
        using var store = ProvisioningStore.Open(_folder.Path);

        var e = Assert.Throws<ProvisioningException>(() => store.Import(Parse(File(", " + features)), "features.json"));

        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
        Assert.Empty(store.Load().Customers);
    }

    [Fact]
    public void StoreOfVersion2_IsUpgradedOnOpen_ItsCustomersGetTheDefaults()
    {
        var path = Path.Combine(_folder.Path, ProvisioningStore.FileName);
        using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            old.Open();
            SqliteMigrator.Migrate(old, ProvisioningSchema.Migrations[..2], "old store");
            using var insert = old.CreateCommand();
            insert.CommandText = "INSERT INTO customers VALUES ('C1', 'Acme', 'A', 'a@x.example', '1 Main', 'Halifax', 'NS', 'CA', 'B3J', 'CAD', 'America/Halifax', NULL, 'full', 'e164', NULL);";
            insert.ExecuteNonQuery();
        }

        using var store = ProvisioningStore.Open(_folder.Path);

        Assert.Equal(CustomerFeatures.Default, Assert.Single(store.Load().Customers).DialPlan.Features);
    }
}
