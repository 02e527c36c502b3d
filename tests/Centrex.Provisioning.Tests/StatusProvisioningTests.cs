using System.Text;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Model;
using Centrex.Provisioning.Store;

namespace Centrex.Provisioning.Tests;

/// <summary>A customer's and an account's status (issue 16: suspend) through the JSON format and the SQLite store.</summary>
public sealed class StatusProvisioningTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string File(string customerStatus, string accountStatus) => $$"""
        { "format": "centrex-provisioning/1",
          "customers": [ { "id": "C1", "company": "Acme", "contact": "A", "email": "a@x.example",
             "address": { "street": "1 Main", "city": "Halifax", "province": "NS", "country": "CA", "postal_code": "B3J" },
             "time_zone": "America/Halifax" {{customerStatus}} } ],
          "accounts": [ { "id": "A1", "customer": "C1", "type": "credit" {{accountStatus}} }, { "id": "A2", "customer": "C1", "type": "debit" } ] }
        """;

    private static ProvisioningSnapshot Parse(string json) => ProvisioningJsonReader.Parse(Encoding.UTF8.GetBytes(json), "status.json");

    private static string Export(ProvisioningSnapshot snapshot)
    {
        using var buffer = new MemoryStream();
        ProvisioningJsonWriter.Write(snapshot, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public void Suspended_JsonToStoreToJson_IsKept_AndActiveRecordsAreWrittenWithoutAStatus()
    {
        using (var store = ProvisioningStore.Open(_folder.Path))
        {
            store.Import(Parse(File(", \"status\": \"suspended\"", ", \"status\": \"suspended\"")), "status.json");
        }

        using var reopened = ProvisioningStore.Open(_folder.Path);
        var loaded = reopened.Load();

        Assert.Equal(ServiceStatus.Suspended, loaded.Customers[0].Status);
        Assert.Equal([ServiceStatus.Suspended, ServiceStatus.Active], loaded.Accounts.Select(a => a.Status));
        var exported = Export(loaded);
        Assert.Equal(2, exported.Split("\"status\": \"suspended\"").Length - 1); // the customer and A1; A2 has none
        Assert.Equal(exported, Export(Parse(exported)));
    }

    [Fact]
    public void ResumingByImport_MakesTheAccountActiveAgain()
    {
        using var store = ProvisioningStore.Open(_folder.Path);
        store.Import(Parse(File(string.Empty, ", \"status\": \"suspended\"")), "status.json");

        store.Import(Parse(File(string.Empty, ", \"status\": \"active\"")), "status.json");

        Assert.All(store.Load().Accounts, a => Assert.Equal(ServiceStatus.Active, a.Status));
    }

    [Fact]
    public void AnUnknownStatus_IsRefusedNamingTheRecordAndField()
    {
        var e = Assert.Throws<ProvisioningException>(() => Parse(File(string.Empty, ", \"status\": \"closed\"")));

        Assert.StartsWith("status.json, accounts[0] (id \"A1\"): field \"status\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("active, suspended", e.Message, StringComparison.Ordinal);
    }
}
