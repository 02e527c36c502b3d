using System.Text;
using BenchmarkDotNet.Attributes;
using Centrex.Ledger.State;

namespace Centrex.Bench.Ledger;

/// <summary>
/// A commit of one call drained from the writer's totals table: fresh, and after the table once took a commit of
/// 100,000 accounts x 2 months (it keeps its 262,144 slots for later commits). A drain that scanned every slot made the
/// second case cost ~1.3 ms a commit in serve (review, ninth session); draining the filled slots only makes both alike.
/// </summary>
[MemoryDiagnoser]
public class PendingTotalsDrainBenchmarks
{
    private static readonly byte[] Account = Encoding.ASCII.GetBytes("ACC-1");
    private readonly List<(StateKey Key, StateValue Delta)> _changes = [];
    private PendingTotals _totals = new();

    [Params(false, true)]
    public bool AfterWideCommit { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _totals = new PendingTotals();
        if (AfterWideCommit)
        {
            for (var i = 0; i < 100_000; i++)
            {
                var account = Encoding.ASCII.GetBytes($"ACC-{i}");
                _totals.AddCall(account, 202611, domestic: true, billedSeconds: 60, netMills: 10, discountMills: 0);
                _totals.AddCall(account, 202612, domestic: true, billedSeconds: 60, netMills: 10, discountMills: 0);
            }

            _totals.Drain(_changes);
        }
    }

    [Benchmark]
    public int OneCallCommit()
    {
        _totals.AddCall(Account, 202612, domestic: true, billedSeconds: 60, netMills: 10, discountMills: 0);
        _changes.Clear();
        _totals.Drain(_changes);
        return _changes.Count;
    }
}
