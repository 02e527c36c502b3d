using Centrex.Invoicing.Cycle;
using Centrex.Invoicing.Rendering;
using Centrex.Invoicing.Sources;
using Centrex.Invoicing.Taxes;
using Centrex.Provisioning.Json;
using Centrex.Provisioning.Store;
using Centrex.Rating.Cdrs;
using NodaTime;

namespace Centrex.Invoicing.Tests.Support;

/// <summary>A data directory with the sample provisioning imported, and a cycle over given calls.</summary>
internal static class Billing
{
    public static void ImportSample(string data)
    {
        using var store = ProvisioningStore.Open(data);
        store.Import(ProvisioningJsonReader.Read(SampleFile.Path), SampleFile.Path);
    }

    public static void Import(string data, string json)
    {
        using var store = ProvisioningStore.Open(data);
        store.Import(ProvisioningJsonReader.Parse(System.Text.Encoding.UTF8.GetBytes(json), "test.json"), "test.json");
    }

    public static BillingCycle Cycle(string data, IEnumerable<RatedCdr> calls, IClock clock) =>
        new(data, new InMemoryRatedCdrSource(calls), clock, BillingRules.Default, TaxTable.Default, ProviderInfo.Default);
}
