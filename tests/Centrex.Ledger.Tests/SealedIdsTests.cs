using Centrex.Ledger.Journal;
using Centrex.Ledger.State;
using Centrex.Rating.Money;

namespace Centrex.Ledger.Tests;

/// <summary>
/// The exactly-once registry with most of its ids sealed on disk (issue 14's soak: memory must not grow by an index
/// slot per call ever charged): every id ever charged is still refused, across seals, merges, reopening and the damage
/// a crash can leave.
/// </summary>
public sealed class SealedIdsTests : IDisposable
{
    private const int Small = 1_000;
    private static readonly LedgerOptions Options = new() { CallIdsInMemory = Small, CheckpointEveryEntries = 500 };
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Ids_SealedOutOfMemory_AreStillRefused_AndTheMemoryTableStaysBounded()
    {
        using var store = LedgerStore.Open(_data.Path, Options);
        Charge(store, 0, 12_000, commitEvery: 250);
        store.Writer.WaitForMerge(); // adopts the seal under way, if any

        var (inMemory, sealedCalls, runs, _) = store.Writer.Registry;
        Assert.True(inMemory <= Small + 250, $"{inMemory} ids in memory with {Small} allowed");
        Assert.Equal(12_000, inMemory + sealedCalls);
        Assert.True(runs >= 1);
        Assert.Equal(new Mills(-12_000), store.Balance("ACC-1"));

        // Every id, the oldest sealed ones too, is a duplicate now; the balance does not move.
        for (var i = 0; i < 12_000; i += 7)
        {
            Assert.False(Calls.Append(store.Writer, Id(i), "ACC-1", 1), Id(i));
            Assert.True(store.Writer.ContainsCdr(System.Text.Encoding.UTF8.GetBytes(Id(i))));
        }

        Assert.False(store.Writer.ContainsCdr("never-charged"u8));
        store.Writer.Commit();
        Assert.Equal(new Mills(-12_000), store.Balance("ACC-1"));
    }

    [Fact]
    public void Runs_AreMergedInTheBackground_AndNothingIsForgotten()
    {
        using (var store = LedgerStore.Open(_data.Path, Options))
        {
            Charge(store, 0, 9_000, commitEvery: 500);
            store.Writer.WaitForMerge();

            // Eight or more seals of about 1,000 ids each; merged four at a time, they leave at most five runs.
            var (_, sealedCalls, runs, _) = store.Writer.Registry;
            Assert.True(sealedCalls >= 8_000, $"{sealedCalls} sealed");
            Assert.True(runs <= 5, $"{runs} runs");
            Assert.All(Enumerable.Range(0, 9_000), i => Assert.False(Calls.Append(store.Writer, Id(i), "ACC-1", 1)));
        }

        // The merged run replaced its inputs on disk: a reopened ledger finds one run for their records.
        Assert.True(Directory.GetFiles(Path.Combine(_data.Path, "ledger", "ids"), "run-*.ids").Length <= 5);
        using var reopened = LedgerStore.Open(_data.Path, Options);
        Assert.All(Enumerable.Range(0, 9_000), i => Assert.False(Calls.Append(reopened.Writer, Id(i), "ACC-1", 1)));
        Assert.Equal(new Mills(-9_000), reopened.Balance("ACC-1"));
    }

    [Fact]
    public void Reopened_AfterSeals_RefusesEveryOldId_AndChargesNewOnes()
    {
        using (var store = LedgerStore.Open(_data.Path, Options))
        {
            Charge(store, 0, 5_000, commitEvery: 100);
            Assert.True(store.Writer.TryPostMovement(new BalanceMovement("pay-1", "ACC-1", MovementKind.Payment, new Mills(500), NodaTime.Instant.FromUnixTimeSeconds(Calls.October), "test")));
            store.Writer.Commit();
            Charge(store, 5_000, 8_000, commitEvery: 100); // the payment's name is sealed beside the calls'
        }

        using var reopened = LedgerStore.Open(_data.Path, Options);
        Assert.True(reopened.Writer.Registry.Sealed >= 5_000);
        Assert.All(Enumerable.Range(0, 8_000), i => Assert.False(Calls.Append(reopened.Writer, Id(i), "ACC-1", 1)));
        Assert.False(reopened.Writer.TryPostMovement(new BalanceMovement("pay-1", "ACC-1", MovementKind.Payment, new Mills(500), NodaTime.Instant.FromUnixTimeSeconds(Calls.October), "test")));
        Assert.True(Calls.Append(reopened.Writer, "new-call", "ACC-1", 3));
        reopened.Writer.Commit();
        Assert.Equal(new Mills(-8_000 + 500 - 3), reopened.Balance("ACC-1"));
    }

    [Fact]
    public void Reopened_WithTheFilterLostOrDamaged_RebuildsItFromTheRuns()
    {
        using (var store = LedgerStore.Open(_data.Path, Options))
        {
            Charge(store, 0, 4_000, commitEvery: 200);
        }

        var ids = Path.Combine(_data.Path, "ledger", "ids");
        var filters = Directory.GetFiles(ids, "run-*.bits").Order(StringComparer.Ordinal).ToList();
        Assert.True(filters.Count >= 2, $"{filters.Count} filters");
        var damaged = File.ReadAllBytes(filters[0]);
        damaged[100] ^= 0xFF; // a damaged filter must not be trusted: it could say "never seen" for a charged id
        File.WriteAllBytes(filters[0], damaged);
        File.Delete(filters[1]); // a crash between a run and its filter

        using var reopened = LedgerStore.Open(_data.Path, Options);
        Assert.All(Enumerable.Range(0, 4_000), i => Assert.False(Calls.Append(reopened.Writer, Id(i), "ACC-1", 1)));
        Assert.Equal(filters, Directory.GetFiles(ids, "run-*.bits").Order(StringComparer.Ordinal));
        Assert.All(filters, path =>
        {
            using var stream = File.OpenRead(path);
            Assert.NotNull(IdFilter.ReadFrom(stream)); // rebuilt and saved again
        });
    }

    [Fact]
    public void Filters_AreOnePerRun_SizedToItsIds_AndMergesDropTheirInputs()
    {
        var ids = Path.Combine(_data.Path, "ledger", "ids");
        Directory.CreateDirectory(ids);
        File.WriteAllBytes(Path.Combine(ids, "filter-0000-000000000000000-000000000001000.bits"), new byte[64]); // the old segment format
        using (var store = LedgerStore.Open(_data.Path, Options))
        {
            Charge(store, 0, 20_000, commitEvery: 500);
            store.Writer.WaitForMerge();
            var (_, sealedCalls, runs, _) = store.Writer.Registry;
            Assert.True(runs < sealedCalls / Small, $"{runs} runs for {sealedCalls} ids: nothing was merged");

            // 16 bits an id, rounded up to a 64-byte block per run (and a 24-byte header and checksum per file): no
            // doubling segment opened ahead of the ids.
            var runFiles = Directory.GetFiles(ids, "run-*.ids").Select(path => Path.ChangeExtension(path, ".bits")).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(runFiles, Directory.GetFiles(ids, "*.bits").Order(StringComparer.Ordinal));
            Assert.InRange(runFiles.Sum(path => new FileInfo(path).Length - 24), sealedCalls * IdFilter.BitsPerName / 8, (sealedCalls * IdFilter.BitsPerName / 8) + (runs * 64));
            Assert.InRange(store.Writer.Registry.FilterBytes, sealedCalls * IdFilter.BitsPerName / 8, (sealedCalls * IdFilter.BitsPerName / 8) + (runs * 64));
        }

        using var reopened = LedgerStore.Open(_data.Path, Options);
        Assert.All(Enumerable.Range(0, 20_000), i => Assert.False(Calls.Append(reopened.Writer, Id(i), "ACC-1", 1)));
    }

    [Fact]
    public void TheCombinedFilter_CoversEveryRun_GrowsWithThem_AndNoIdIsChargedTwice()
    {
        using (var store = LedgerStore.Open(_data.Path, Options))
        {
            // About twenty seals of 1,000 ids, merged four at a time; the combined filter, sized for 1,000 ids at first,
            // is extended by each seal and rebuilt bigger when one would overfill it.
            Charge(store, 0, 20_000, commitEvery: 500);
            store.Writer.WaitForMerge();
            var (bytes, until, sealedUntil) = store.Writer.WaitForCombinedFilter();
            var sealedCalls = store.Writer.Registry.Sealed;
            Assert.True(sealedCalls >= 18_000, $"{sealedCalls} sealed");
            Assert.Equal(sealedUntil, until);
            Assert.InRange(bytes, sealedCalls * IdFilter.BitsPerName / 8, (sealedCalls + (sealedCalls / 2)) * IdFilter.BitsPerName / 8 + 64);
            Assert.All(Enumerable.Range(0, 20_000), i => Assert.False(Calls.Append(store.Writer, Id(i), "ACC-1", 1)));
            Charge(store, 20_000, 21_000, commitEvery: 500); // its "maybe" for a new id never refuses it
        }

        using var reopened = LedgerStore.Open(_data.Path, Options);
        var (_, reopenedUntil, reopenedSealed) = reopened.Writer.WaitForCombinedFilter();
        Assert.Equal(reopenedSealed, reopenedUntil);
        Assert.All(Enumerable.Range(0, 21_000), i => Assert.False(Calls.Append(reopened.Writer, Id(i), "ACC-1", 1)));
        reopened.Writer.Commit();
        Assert.Equal(new Mills(-21_000), reopened.Balance("ACC-1"));
    }

    [Fact]
    public void RunsTheCombinedFilterDoesNotCoverYet_AreAskedThroughTheirOwnFilters()
    {
        using var store = LedgerStore.Open(_data.Path, Options);
        Charge(store, 0, 5_000, commitEvery: 500);
        store.Writer.WaitForMerge();
        var (_, coveredBefore, _) = store.Writer.WaitForCombinedFilter();

        // Seals (and a merge of covered with uncovered runs) while no cover may start: the newest runs are uncovered.
        store.Writer.HoldCombinedFilter(true);
        Charge(store, 5_000, 10_000, commitEvery: 500);
        store.Writer.WaitForMerge();
        var sealedUntil = store.Writer.WaitForCombinedFilter().SealedUntil;
        Assert.True(sealedUntil > coveredBefore, $"nothing sealed past {coveredBefore}");
        Assert.Equal(coveredBefore, store.Writer.WaitForCombinedFilter().Until);
        Assert.All(Enumerable.Range(0, 10_000), i => Assert.False(Calls.Append(store.Writer, Id(i), "ACC-1", 1)));

        store.Writer.HoldCombinedFilter(false);
        var (_, until, sealedNow) = store.Writer.WaitForCombinedFilter();
        Assert.Equal(sealedNow, until);
        Assert.All(Enumerable.Range(0, 10_000), i => Assert.False(Calls.Append(store.Writer, Id(i), "ACC-1", 1)));
        store.Writer.Commit();
        Assert.Equal(new Mills(-10_000), store.Balance("ACC-1"));
    }

    [Fact]
    public void Open_WithARunMissing_IsRefusedWithAClearError()
    {
        using (var store = LedgerStore.Open(_data.Path, Options))
        {
            Charge(store, 0, 3_500, commitEvery: 100);
        }

        var runs = Directory.GetFiles(Path.Combine(_data.Path, "ledger", "ids"), "run-*.ids").Order(StringComparer.Ordinal).ToList();
        Assert.True(runs.Count >= 2);
        File.Delete(runs[0]);
        var error = Assert.Throws<LedgerUnavailableException>(() => LedgerStore.Open(_data.Path, Options));
        Assert.Contains("a run file is missing", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Filter_SaysNoForAlmostEveryNameNeverAdded_AndYesForEveryOneAdded()
    {
        const int Names = 100_000;
        var filter = FilterOfFirst(Names);
        Assert.All(Enumerable.Range(0, Names), i => Assert.True(filter.MayContain(Name(i))));
        var falsePositives = Enumerable.Range(Names, Names).Count(i => filter.MayContain(Name(i)));
        Assert.True(falsePositives < Names / 200, $"{falsePositives} false positives in {Names}"); // under 0.5 %
    }

    [Fact]
    public void Filter_AnswersAsReadingEachOfItsBits_ForFiltersWrittenBefore()
    {
        // MayContain reads its eight bits without a branch each (issue 16); its answers must be those of reading the bits
        // one by one from the words a filter file holds (files written by earlier builds are read the same way).
        const int Names = 20_000;
        var filter = FilterOfFirst(Names);

        using var file = new MemoryStream();
        filter.WriteTo(file);
        var words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(file.ToArray().AsSpan(16, file.ToArray().Length - 24)).ToArray();
        var blocks = (ulong)(words.Length / 8);
        var maybes = 0;
        for (var i = 0; i < 4 * Names; i++)
        {
            var name = Name(i);
            var block = (int)(((name.High >> 32) * blocks) >> 32) * 8;
            var all = true;
            for (var k = 0; k < 8; k++)
            {
                var bit = k < 7 ? (int)(name.Low >> (k * 9)) & 511 : (int)(name.High >> 7) & 511;
                all &= (words[block + (bit >> 6)] & (1UL << (bit & 63))) != 0;
            }

            Assert.Equal(all, filter.MayContain(name));
            maybes += all ? 1 : 0;
        }

        Assert.InRange(maybes, Names, Names + (3 * Names / 100)); // every added name, and a few false positives
    }

    [Fact]
    public void ANewIdTheFilterSaysMaybeFor_IsCharged_Once_AcrossReopening()
    {
        // The false-positive path: a run's filter answers "maybe" for an id never charged; the run itself says no, so it
        // is charged, and from then on refused, before and after a restart.
        using (var store = LedgerStore.Open(_data.Path, Options))
        {
            Charge(store, 0, 6_000, commitEvery: 500);
            store.Writer.WaitForMerge();
        }

        var filters = Directory.GetFiles(Path.Combine(_data.Path, "ledger", "ids"), "*.bits").Select(path =>
        {
            using var stream = File.OpenRead(path);
            return IdFilter.ReadFrom(stream)!;
        }).ToList();
        Assert.NotEmpty(filters);
        var maybe = Enumerable.Range(0, 1_000_000).Select(i => $"fp-{i}")
            .First(id => filters.Any(f => f.MayContain(NameHash.Of(JournalRecordKind.RatedCdr, System.Text.Encoding.ASCII.GetBytes(id)))));

        using (var store = LedgerStore.Open(_data.Path, Options))
        {
            Assert.False(store.Writer.ContainsCdr(System.Text.Encoding.ASCII.GetBytes(maybe)));
            Assert.True(Calls.Append(store.Writer, maybe, "ACC-1", 1));
            Assert.False(Calls.Append(store.Writer, maybe, "ACC-1", 1));
            store.Writer.Commit();
            Assert.Equal(new Mills(-6_001), store.Balance("ACC-1"));
        }

        using (var reopened = LedgerStore.Open(_data.Path, Options))
        {
            Assert.False(Calls.Append(reopened.Writer, maybe, "ACC-1", 1));
            Assert.False(Calls.Append(reopened.Writer, Id(0), "ACC-1", 1));
            reopened.Writer.Commit();
            Assert.Equal(new Mills(-6_001), reopened.Balance("ACC-1"));
        }
    }

    [Fact]
    public void Run_FindsEveryIdItHolds_AcrossPages_AndNoOther()
    {
        var keys = Enumerable.Range(0, 3_000).Select(i => IdRun.Key(Name(i))).ToArray();
        UInt128[] scratch = [];
        using var run = IdRun.Write(_data.Path, 0, 3_000, keys, [(Name(-1), 42L)], ref scratch);
        Assert.True(keys.AsSpan().SequenceEqual([.. keys.Order()]));
        Assert.All(Enumerable.Range(0, 3_000), i => Assert.True(run.Contains(Name(i))));
        Assert.All(Enumerable.Range(3_000, 3_000), i => Assert.False(run.Contains(Name(i))));
        Assert.Equal([(Name(-1), 42L)], run.ReadWholeNames());
    }

    private static void Charge(LedgerStore store, int from, int until, int commitEvery)
    {
        for (var i = from; i < until; i++)
        {
            Assert.True(Calls.Append(store.Writer, Id(i), "ACC-1", 1));
            if ((i + 1) % commitEvery == 0)
            {
                store.Writer.Commit();
            }
        }

        store.Writer.Commit();
    }

    private static IdFilter FilterOfFirst(int names)
    {
        var filter = new IdFilter(names);
        for (var i = 0; i < names; i++)
        {
            filter.Add(Name(i));
        }

        return filter;
    }

    private static string Id(int i) => $"call-{i:D7}";

    private static NameFingerprint Name(int i) => NameHash.Of(JournalRecordKind.RatedCdr, System.Text.Encoding.ASCII.GetBytes(Id(i)));
}
