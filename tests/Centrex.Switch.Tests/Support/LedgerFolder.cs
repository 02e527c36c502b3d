using Centrex.Ledger;
using Centrex.Ledger.Journal;
using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Switch.Tests.Support;

/// <summary>A real ledger (FasterKV + FasterLog) in a temp data directory.</summary>
internal sealed class LedgerFolder : IDisposable
{
    private readonly TempFolder _folder = new();
    private int _movements;

    /// <summary>Opens a ledger in a fresh temp folder, or in <paramref name="directory"/> (e.g. a small tmpfs).</summary>
    public LedgerFolder(string? directory = null)
    {
        DataDirectory = directory ?? _folder.Path;
        Store = LedgerStore.Open(DataDirectory);
        Writer = new LedgerWriterThread(Store.Writer);
    }

    public LedgerStore Store { get; }

    /// <summary>The ledger's writer thread: everything that writes goes through it.</summary>
    public LedgerWriterThread Writer { get; }

    public string DataDirectory { get; }

    /// <summary>Posts a top-up (or, negative, an adjustment) and commits it.</summary>
    public void TopUp(string account, long mills)
    {
        var id = "m" + Interlocked.Increment(ref _movements);
        var kind = mills >= 0 ? MovementKind.TopUp : MovementKind.Adjustment;
        var movement = new BalanceMovement(id, account, kind, new Mills(mills), Instant.FromUnixTimeSeconds(1_790_000_000), "test");
        Assert.True(Writer.Submit(writer => writer.TryPostMovement(movement)).GetAwaiter().GetResult());
    }

    /// <summary>Whether the ledger charged a call with this id (asked on the writer thread, which owns the registry).</summary>
    public bool ContainsCdr(string id) =>
        Writer.Submit(writer => writer.ContainsCdr(System.Text.Encoding.UTF8.GetBytes(id))).GetAwaiter().GetResult();

    public void Dispose()
    {
        Writer.Dispose();
        Store.Dispose();
        _folder.Dispose();
    }
}
