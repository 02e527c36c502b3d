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

    [Fact]
    public void CsvReport_FromTheEncodedJournal_IsByteForByteTheReportFromRecords()
    {
        var calls = Calls.Month(["A1", "A2", "B9"], new YearMonth(2026, 10), 400, seed: 3);
        calls.Add(Calls.Make("A1", Instant.FromUtc(2026, 10, 9, 1, 2, 3) + Duration.FromNanoseconds(120_000_000), 60, Rating.Numbering.NumberClass.International, "44", "Quote \"and, comma\"", "442071234567", 77, 7));
        Journal.Append(_folder.Path, calls);
        var selection = new Xdr.XdrSelection("t", new HashSet<string>(["A1", "A2"]), DateTimeZoneProviders.Tzdb["America/Halifax"], new LocalDate(2026, 10, 1), new LocalDate(2026, 10, 31), "CAD");
        var fromJournal = System.IO.Path.Combine(_folder.Path, "journal.csv");
        var fromRecords = System.IO.Path.Combine(_folder.Path, "records.csv");
        using (var ledger = LedgerStore.Open(_folder.Path))
        {
            Xdr.XdrReport.Write(new LedgerJournalSource(ledger), selection, Xdr.XdrFormat.Csv, fromJournal, Rendering.ProviderInfo.Default);
        }

        var summary = Xdr.XdrReport.Write(new InMemoryRatedCdrSource(calls), selection, Xdr.XdrFormat.Csv, fromRecords, Rendering.ProviderInfo.Default);
        Assert.Equal(File.ReadAllText(fromRecords), File.ReadAllText(fromJournal));
        Assert.Contains("\"Quote \"\"and, comma\"\"\"", File.ReadAllText(fromJournal), StringComparison.Ordinal);
        Assert.Contains("T22:02:03.12-03:00", File.ReadAllText(fromJournal), StringComparison.Ordinal);
        Assert.True(summary.All.Calls > 500);
    }

    [Fact]
    public void XlsxReport_FromTheEncodedJournal_HasTheSameSheetAsTheReportFromRecords()
    {
        var calls = Calls.Month(["A1"], new YearMonth(2026, 10), 300, seed: 5);
        calls.Add(Calls.Make("A1", Instant.FromUtc(2026, 10, 9, 1, 2, 3), 60, Rating.Numbering.NumberClass.International, "44", "R&D <lab> \u0001 é", "442071234567", 77, 7));
        Journal.Append(_folder.Path, calls);
        var selection = new Xdr.XdrSelection("t", new HashSet<string>(["A1"]), DateTimeZoneProviders.Tzdb["America/Vancouver"], new LocalDate(2026, 10, 1), new LocalDate(2026, 10, 31), "CAD");
        var fromJournal = System.IO.Path.Combine(_folder.Path, "journal.xlsx");
        var fromRecords = System.IO.Path.Combine(_folder.Path, "records.xlsx");
        using (var ledger = LedgerStore.Open(_folder.Path))
        {
            Xdr.XdrReport.Write(new LedgerJournalSource(ledger), selection, Xdr.XdrFormat.Xlsx, fromJournal, Rendering.ProviderInfo.Default);
        }

        Xdr.XdrReport.Write(new InMemoryRatedCdrSource(calls), selection, Xdr.XdrFormat.Xlsx, fromRecords, Rendering.ProviderInfo.Default);
        Assert.Equal(Sheet(fromRecords), Sheet(fromJournal));
        Assert.Contains("R&amp;D &lt;lab&gt; \uFFFD é", Sheet(fromJournal), StringComparison.Ordinal);

        static string Sheet(string path)
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(path);
            using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
            return reader.ReadToEnd();
        }
    }
}
