using Centrex.Ledger.Journal;
using Centrex.Ledger.State;

namespace Centrex.Ledger.Tests;

/// <summary>The in-memory id index and its persistent log.</summary>
public sealed class IdRegistryTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public void Index_FindsEveryNameAcrossGrowth_AndRefusesRepeats()
    {
        var index = new IdIndex();
        const int Count = 300_000; // several doublings past the initial 65,536 slots
        for (var i = 0; i < Count; i++)
        {
            Assert.True(index.TryAdd(Name(i), i));
        }

        Assert.Equal(Count, index.Count);
        for (var i = 0; i < Count; i++)
        {
            Assert.Equal(i, index.Find(Name(i)));
            Assert.False(index.TryAdd(Name(i), -5));
        }

        Assert.Equal(-1, index.Find(Name(Count + 1)));
    }

    [Fact]
    public void Log_KeepsOnlyCheckpointedRecords_AcrossReopening()
    {
        using (var log = new IdLog(_folder.Path))
        {
            Assert.Equal(-1, log.CoveredUntil);
            log.Append(Name(1), 10);
            log.Append(Name(2), 20);
            log.Checkpoint(coveredUntil: 640);
            log.Append(Name(3), 30); // written, never checkpointed: as if the process died here
        }

        using var reopened = new IdLog(_folder.Path);
        var index = new IdIndex();
        reopened.LoadInto(0, index, new IdIndex()); // references 10 and 20 point into a block: the calls' side
        Assert.Equal((640L, 2L), (reopened.CoveredUntil, reopened.Durable));
        Assert.Equal([10L, 20L, -1L], [index.Find(Name(1)), index.Find(Name(2)), index.Find(Name(3))]);

        // Opening changes no byte (a ledger open refused later must leave the record); the cut comes once it succeeds.
        var file = Path.Combine(_folder.Path, "ids.log");
        Assert.Equal(3 * 24, new FileInfo(file).Length);
        reopened.CutUncheckpointed();
        Assert.Equal(2 * 24, new FileInfo(file).Length);
    }

    [Fact]
    public void Log_DamagedCheckpoint_IsRefused()
    {
        using (var log = new IdLog(_folder.Path))
        {
            log.Append(Name(1), 10);
            log.Checkpoint(64);
        }

        var meta = Path.Combine(_folder.Path, "ids.meta");
        var bytes = File.ReadAllBytes(meta);
        bytes[3] ^= 1;
        File.WriteAllBytes(meta, bytes);
        Assert.Throws<IOException>(() => new IdLog(_folder.Path));
    }

    [Fact]
    public void Fingerprints_SeparateDomains() =>
        Assert.NotEqual(NameHash.Of(JournalRecordKind.RatedCdr, "x"u8), NameHash.Of(JournalRecordKind.Batch, "x"u8));

    public void Dispose() => _folder.Dispose();

    private static NameFingerprint Name(int i) => NameHash.Of(JournalRecordKind.RatedCdr, System.Text.Encoding.ASCII.GetBytes($"cdr-{i}"));
}
