using System.Text;
using BenchmarkDotNet.Attributes;
using Centrex.Ledger.State;

namespace Centrex.Bench.Ledger;

/// <summary>
/// The balance store in memory: adds to balances in FasterKV (the read-modify-write a commit applies per account and
/// counter), and the per-call totals the writer keeps between commits. Target: ≥ 5 million updates/s.
/// </summary>
[MemoryDiagnoser]
public class BalanceStoreBenchmarks
{
    private const int Updates = 100_000;
    private string _folder = string.Empty;
    private FasterTable<StateKey, StateValue>? _table;
    private StateKey[] _keys = [];
    private List<(StateKey Key, StateValue Delta)> _changes = [];
    private byte[][] _accounts = [];
    private readonly PendingTotals _totals = new();
    private readonly List<(StateKey Key, StateValue Delta)> _drained = [];

    [Params(1_000, 100_000)]
    public int Accounts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "centrex-bench-balances-" + Guid.NewGuid().ToString("N"));
        _table = StateTable.Open(_folder, new StateFormat(StateFormat.CurrentVersion, 28, 22, 1L << 18));
        _accounts = [.. Enumerable.Range(0, Accounts).Select(i => Encoding.ASCII.GetBytes($"ACC-{i:D7}"))];
        var random = new Random(7);
        _keys = [.. Enumerable.Range(0, Updates).Select(_ => StateKey.Balance(_accounts[random.Next(Accounts)]))];
        _changes = [.. _keys.Select(k => (k, StateValue.OfAmount(-57)))];
        foreach (var account in _accounts)
        {
            _table.Add(StateKey.Balance(account), default);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _table?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Adds a charge to a random account's balance in FasterKV (in memory, no commit).</summary>
    [Benchmark(OperationsPerInvoke = Updates)]
    public void FasterKvBalanceAdd()
    {
        var table = _table!;
        foreach (var key in _keys)
        {
            table.Add(key, StateValue.OfAmount(-57));
        }
    }

    /// <summary>The same through one epoch-protected stretch, as a commit applies its changes.</summary>
    [Benchmark(OperationsPerInvoke = Updates)]
    public void FasterKvBalanceAddAll() => _table!.AddAll(_changes);

    /// <summary>Adds a call to the writer's pending totals (balance and five counters of a random account; drained as a balance and a month record).</summary>
    [Benchmark(OperationsPerInvoke = Updates, Baseline = true)]
    public void PendingTotalsAddCall()
    {
        var totals = _totals;
        for (var i = 0; i < Updates; i++)
        {
            totals.AddCall(_accounts[(int)((uint)(i * 2654435761u) % (uint)Accounts)], 202610, domestic: true, 60, 57, 0);
        }

        _drained.Clear();
        totals.Drain(_drained);
        if (_drained.Count == 0)
        {
            throw new InvalidOperationException("nothing was added");
        }
    }
}
