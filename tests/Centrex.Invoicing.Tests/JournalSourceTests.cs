using Centrex.Invoicing.Sources;
using Centrex.Invoicing.Tests.Support;
using Centrex.Ledger;
using Centrex.Rating.Cdrs;
using NodaTime;

namespace Centrex.Invoicing.Tests;

/// <summary>The journal <c>centrex rate --data</c> appends to, read back as the rated-call source.</summary>
public sealed class JournalSourceTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Read_ReturnsExactlyTheCallsOfTheAccountsAndRange_WithEveryField()
    {
        var october = Instant.FromUtc(2026, 10, 1, 0, 0);
        var calls = new List<RatedCdr>
        {
            Calls.Domestic("A1", october - Duration.FromNanoseconds(100), 60, 10),   // just before the range
            Calls.Domestic("A1", october, 61, 11, 1),                                 // its first instant
            Calls.International("A2", october + Duration.FromDays(3), 120, 500, 50),
            Calls.Domestic("B9", october + Duration.FromDays(4), 60, 10),             // another account
            Calls.Domestic("A1", october + Duration.FromDays(31), 60, 10),            // the first instant after
        };
        Journal.Append(_folder.Path, calls);
        using var ledger = LedgerStore.Open(_folder.Path);
        var source = new LedgerJournalSource(ledger);
        var read = new List<RatedCdr>();
        source.Read(october, october + Duration.FromDays(31), new HashSet<string>(["A1", "A2"]), read.Add);

        Assert.Equal([calls[1], calls[2]], read);
        var all = new List<RatedCdr>();
        source.Read(Instant.MinValue, Instant.MaxValue, null, all.Add);
        Assert.Equal(calls, all);
    }
}
