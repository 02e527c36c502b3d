using Centrex.Ledger.State;
using Centrex.Ledger.Verification;

namespace Centrex.Ledger.Tests;

/// <summary>
/// Review item 15: <see cref="JournalVerifier.VerifyBeside"/> reads the journal beside the writer thread, up to the
/// point where it copied the state: calls charged meanwhile neither wait for it nor make it report a difference, and a
/// state that disagrees with the journal is still reported.
/// </summary>
public sealed class VerifyBesideWriterTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task CallsChargedWhileItReads_AreNotReportedAsDifferences_AndItCountsTheCallsBeforeIt()
    {
        using var store = LedgerStore.Open(_data.Path);
        using var thread = new LedgerWriterThread(store.Writer);
        for (var group = 0; group < 20; group++)
        {
            await thread.Submit(w => Enumerable.Range(0, 5_000).All(i => Calls.Append(w, $"before-{group}-{i}", "ACC-1", 7))).WaitAsync(Patience);
        }

        var verify = JournalVerifier.VerifyBeside(store, thread);
        var during = new List<Task<bool>>();
        for (var i = 0; i < 200; i++)
        {
            var id = i;
            during.Add(thread.Submit(w => Calls.Append(w, $"during-{id}", id % 2 == 0 ? "ACC-1" : "ACC-2", 3)));
        }

        Assert.All(await Task.WhenAll(during).WaitAsync(Patience), Assert.True);
        var report = await verify.WaitAsync(Patience);
        Assert.True(report.IsConsistent, string.Join("; ", report.Problems));
        Assert.Equal(100_000, report.Calls); // the copy of the state was taken before the first "during" call was applied

        var after = await JournalVerifier.VerifyBeside(store, thread).WaitAsync(Patience);
        Assert.True(after.IsConsistent, string.Join("; ", after.Problems));
        Assert.Equal(100_200, after.Calls);
    }

    [Fact]
    public async Task StateThatDisagreesWithTheJournal_IsReported()
    {
        using var store = LedgerStore.Open(_data.Path);
        using var thread = new LedgerWriterThread(store.Writer);
        await thread.Submit(w => Calls.Append(w, "c1", "ACC-1", 100)).WaitAsync(Patience);

        // Damage the derived state behind the writer's back, on its thread, as a bug or a bad disk would.
        var table = (FasterTable<StateKey, StateValue>)typeof(LedgerStore).GetField("_state", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(store)!;
        await thread.Submit(_ => { table.Add(StateKey.Balance("ACC-1"u8), StateValue.OfAmount(1)); return 0; }).WaitAsync(Patience);

        var report = await JournalVerifier.VerifyBeside(store, thread).WaitAsync(Patience);
        Assert.False(report.IsConsistent);
        Assert.Contains(report.Problems, p => p.Contains("balance of 'ACC-1'", StringComparison.Ordinal) && p.Contains("-100", StringComparison.Ordinal) && p.Contains("-99", StringComparison.Ordinal));
    }
}
