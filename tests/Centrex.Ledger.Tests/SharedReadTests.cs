using Centrex.Ledger.State;
using Centrex.Rating.Money;

namespace Centrex.Ledger.Tests;

/// <summary>
/// Balances read by other threads than the writer (the portal's pages, the balance endpoint) when the state is larger than
/// its memory, as it is at full scale (issue 16: 100,000 accounts, most balances on disk): the batched, non-blocking
/// read and the pool of reader sessions answer what the committed journal says, for records on disk as in memory.
/// </summary>
[Collection(nameof(ThreadPoolLimits))]
public sealed class SharedReadTests : IDisposable
{
    private const int Accounts = 4_000;
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task BalancesAsync_RecordsOnDisk_AreReadInOneBatchAsBalanceReadsThem()
    {
        // A 64 KB in-memory log: 4,000 accounts' balances and counters are most of them on disk after the commit.
        using var store = OpenSmall();
        var names = Charge(store);
        var before = PendingReads(store);

        var balances = await store.BalancesAsync([.. names, "NOT-PROVISIONED", new string('x', StateKey.MaxAccountLength + 1)]);

        Assert.True(PendingReads(store) - before > Accounts / 2, $"only {PendingReads(store) - before} of {Accounts} reads went to disk: the test would not exercise the disk path");
        for (var i = 0; i < Accounts; i++)
        {
            Assert.Equal(Expected(i), balances[i]);
        }

        Assert.Equal(Mills.Zero, balances[Accounts]);
        Assert.Equal(Mills.Zero, balances[Accounts + 1]);
        Assert.Equal(Expected(7), store.Balance(names[7]));
    }

    [Fact]
    public async Task BalancesAsync_ManyConcurrentReaders_EachGetsItsOwnAccounts()
    {
        using var store = OpenSmall();
        var names = Charge(store);

        // 64 readers at once, as many as a loaded portal's requests: each needs a session of its own (a FASTER session
        // is for one thread at a time) and none waits for another's disk reads.
        await Task.WhenAll(Enumerable.Range(0, 64).Select(r => Task.Run(async () =>
        {
            var mine = Enumerable.Range(0, Accounts).Where(i => i % 64 == r).ToList();
            var balances = await store.BalancesAsync([.. mine.Select(i => names[i])]);
            for (var k = 0; k < mine.Count; k++)
            {
                Assert.Equal(Expected(mine[k]), balances[k]);
            }
        })));

        // The blocking read takes its own session too: from threads that are not the pool's (a switch partition's).
        var threads = Enumerable.Range(0, 8).Select(r => new Thread(() =>
        {
            for (var i = r; i < Accounts; i += 8 * 25)
            {
                Assert.Equal(Expected(i), store.Balance(names[i]));
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
    }

    /// <summary>
    /// The cause of the portal's 21 s first dashboards (bench/README.md, issue 16): the device completes a disk read on a
    /// thread-pool thread, so request threads that block waiting for their reads hold the threads the reads need.
    /// With the pool kept from growing (no thread injected to rescue it), 64 customers' balances read at once from pool
    /// threads: with the blocking read (<see cref="LedgerStore.Balance"/>) they never finish, with the batched async read
    /// they do.
    /// </summary>
    [Fact]
    public void BalancesAsync_PoolThatCannotGrow_AllReadersFinish()
    {
        using var store = OpenSmall();
        var names = Charge(store);
        ThreadPool.GetMinThreads(out var minWorkers, out _);
        ThreadPool.GetMaxThreads(out var maxWorkers, out var maxIo);

        // No more threads than the pool has now (the test host blocks some of them for the whole run) and two to spare:
        // the pool cannot grow its way out of blocked readers, as it barely could in a portal under 50 sessions.
        Assert.True(ThreadPool.SetMaxThreads(Math.Max(minWorkers, ThreadPool.ThreadCount + 2), maxIo));
        try
        {
            var readers = Task.WhenAll(Enumerable.Range(0, 64).Select(r => Task.Run(async () =>
            {
                var mine = Enumerable.Range(0, Accounts).Where(i => i % 64 == r).Select(i => names[i]).ToList();
                return (await store.BalancesAsync(mine)).Aggregate(Mills.Zero, (sum, b) => sum + b);
            })));

            // Waited for on the test's own thread, not the pool's (the pool is what the blocking read exhausts: an
            // await here would need a pool thread to resume and hang instead of failing).
            // Generous: they finish in well under a second on an idle machine; blocking readers never do.
#pragma warning disable xUnit1031 // Blocking on purpose, see above.
            Assert.True(readers.Wait(TimeSpan.FromSeconds(60)), "the readers did not finish: the pool's threads are all blocked waiting for reads only a pool thread can complete");
            Assert.Equal(Enumerable.Range(0, Accounts).Aggregate(Mills.Zero, (sum, i) => sum + Expected(i)), readers.Result.Aggregate(Mills.Zero, (sum, b) => sum + b));
#pragma warning restore xUnit1031
        }
        finally
        {
            ThreadPool.SetMaxThreads(maxWorkers, maxIo);
        }
    }

    private static Mills Expected(int account) => new(-(10 + account));

    private static long PendingReads(LedgerStore store) =>
        ((FasterTable<StateKey, StateValue>)typeof(LedgerStore).GetField("_state", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(store)!).PendingReads;

    private LedgerStore OpenSmall() => LedgerStore.Open(_data.Path, new LedgerOptions { StateLogMemoryBits = 16, StateIndexBuckets = 1 << 10 });

    private static List<string> Charge(LedgerStore store)
    {
        var names = Enumerable.Range(0, Accounts).Select(i => $"ACC-{i:D5}").ToList();
        for (var i = 0; i < Accounts; i++)
        {
            Assert.True(Calls.Append(store.Writer, $"c{i}", names[i], 10 + i));
        }

        store.Writer.Commit();
        return names;
    }
}
