using Centrex.Invoicing.Cycle;
using Centrex.Invoicing.Ledger;
using Centrex.Invoicing.Rendering;
using Centrex.Invoicing.Sources;
using Centrex.Invoicing.Store;
using Centrex.Invoicing.Taxes;
using Centrex.Rating.Cdrs;
using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Invoicing.Tests.Support;

/// <summary>
/// A real data directory (SQLite provisioning and billing stores, invoice files) billed month after month over calls
/// held in memory, with a clock set just after each month: what a person running <c>centrex bill</c> monthly would get.
/// </summary>
internal sealed class Harness : IDisposable
{
    private readonly TempFolder _folder = new();

    public string Data => _folder.Path;

    public List<RatedCdr> Calls { get; } = [];

    /// <summary>Write the PDF too (slower); CSV alone carries every amount.</summary>
    public bool Pdf { get; init; }

    public void Import(string json) => Billing.Import(Data, json);

    public BillingRunResult Bill(YearMonth period)
    {
        var clock = new FixedClock(period.PlusMonths(1).OnDayOfMonth(2).AtMidnight().InUtc().ToInstant());
        var cycle = new BillingCycle(Data, new InMemoryRatedCdrSource(Calls), clock, BillingRules.Default, TaxTable.Default, ProviderInfo.Default)
        {
            Renderers = Pdf ? [new PdfInvoiceRenderer(ProviderInfo.Default), new CsvInvoiceRenderer()] : [new CsvInvoiceRenderer()],
        };
        return cycle.Run(period);
    }

    public IReadOnlyList<LedgerEntry> Ledger(string customer)
    {
        using var store = BillingStore.Open(Data);
        return store.Ledger(customer);
    }

    /// <summary>Net amount billed under keys starting with <paramref name="prefix"/> (e.g. <c>sub:S1:</c>).</summary>
    public Mills Billed(string customer, string prefix) =>
        Ledger(customer).Where(e => e.ChargeKey?.StartsWith(prefix, StringComparison.Ordinal) == true).Aggregate(Mills.Zero, (s, e) => s + e.Amount);

    public void Dispose() => _folder.Dispose();

    /// <summary>A customer in Ontario (HST 13%) with one credit account, in the provisioning JSON format.</summary>
    public static string Customer(string id, string account, bool requires911 = false, string zone = "America/Toronto") => $$"""
        { "format": "centrex-provisioning/1",
          "customers": [ { "id": "{{id}}", "company": "{{id}} Inc.", "contact": "C", "email": "{{id.ToLowerInvariant()}}@example.test",
            "address": { "street": "1 King St", "city": "Toronto", "province": "ON", "country": "CA", "postal_code": "M5H 1A1" },
            "time_zone": "{{zone}}", "send_statistic": "summary" } ],
          "accounts": [ { "id": "{{account}}", "customer": "{{id}}", "type": "credit", "credit_limit": "100.00", "requires_911": {{(requires911 ? "true" : "false")}} } ],
          "products": [ { "id": "P31", "name": "Plan 31", "monthly_fee": "31.00", "free_north_america_minutes": 310 },
                        { "id": "Q31", "name": "Other plan 31", "monthly_fee": "31.00", "free_north_america_minutes": 310 },
                        { "id": "P62", "name": "Plan 62", "monthly_fee": "62.00", "free_north_america_minutes": 620 },
                        { "id": "P10", "name": "Plan 10", "monthly_fee": "10.00", "free_north_america_minutes": 100 } ] }
        """;
}
