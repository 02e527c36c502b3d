using Centrex.Rating.Money;

namespace Centrex.Ledger.Tests;

/// <summary>
/// The ledger folder's single-writer lock within one process (the two-process case runs the real program:
/// <c>LedgerLockTests</c> in the CLI tests). FileShare.None is an flock on its own open file description on Linux, so a
/// second store in the same process is refused as another process's would be.
/// </summary>
public sealed class LedgerFolderLockTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Open_FolderAnotherStoreHolds_IsRefusedNamingThisProcess_AndTheHolderGoesOn()
    {
        using var store = LedgerStore.Open(_data.Path);
        Calls.Append(store.Writer, "c1", "ACC-1", 57);
        store.Writer.Commit();

        var refused = Assert.Throws<LedgerInUseException>(() => LedgerStore.Open(_data.Path));

        Assert.Equal(Environment.ProcessId, refused.Holder?.ProcessId);
        Assert.StartsWith($"the ledger in {store.Folder} is in use by process {Environment.ProcessId} (", refused.Message, StringComparison.Ordinal);
        Assert.EndsWith("; stop it first or use another data directory", refused.Message, StringComparison.Ordinal);
        Calls.Append(store.Writer, "c2", "ACC-1", 3);
        store.Writer.Commit();
        Assert.Equal(new Mills(-60), store.Balance("ACC-1"));
    }

    [Fact]
    public void Open_AfterTheHolderIsDisposed_Succeeds_AndTheHolderNoteIsGone()
    {
        using (var store = LedgerStore.Open(_data.Path))
        {
            Calls.Append(store.Writer, "c1", "ACC-1", 57);
            store.Writer.Commit();
            Assert.True(File.Exists(Path.Combine(store.Folder, "lock.holder")));
        }

        Assert.False(File.Exists(Path.Combine(_data.Path, "ledger", "lock.holder")));
        using var reopened = LedgerStore.Open(_data.Path);
        Assert.Equal(new Mills(-57), reopened.Balance("ACC-1"));
    }

    [Fact]
    public void Open_ThatFailsAfterTakingTheLock_ReleasesIt()
    {
        // The write probe's name taken by a folder: the open fails after the lock is taken.
        var probe = Path.Combine(_data.Path, "ledger", ".write-test");
        Directory.CreateDirectory(probe);
        Assert.Throws<LedgerUnavailableException>(() => LedgerStore.Open(_data.Path));

        Directory.Delete(probe);
        using var store = LedgerStore.Open(_data.Path);
        Assert.Equal(Mills.Zero, store.Balance("ACC-1"));
    }

    [Fact]
    public void HolderNote_RoundTrips_AndANoteCutShortNamesNoOne()
    {
        var holder = new LedgerHolder(4321, "centrex serve", new DateTimeOffset(2026, 12, 6, 2, 40, 12, TimeSpan.Zero));

        Assert.Equal(holder, LedgerHolder.Parse(holder.ToFileText()));
        Assert.Equal("process 4321 (centrex serve, since 2026-12-06T02:40:12Z)", holder.ToString());
        Assert.Null(LedgerHolder.Parse("4321\ncentrex"));
    }
}
