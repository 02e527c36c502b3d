using BenchmarkDotNet.Attributes;
using Centrex.Switch.CallFlows;
using NodaTime;

namespace Centrex.Bench.Switch;

/// <summary>
/// Call-flow evaluation (issue 15): a call enters the benchmark flow on its DID (time routing in the customer's
/// zone with a holiday list, then a simultaneous hunt group of three) and gets the group's members in ringing order; and
/// the same through a least-used group (the order sorted by each line's last answer). Baseline: a flow whose entry goes
/// straight to one extension (the least a flow costs). Target: 0 B allocated per call after warm-up.
/// </summary>
[MemoryDiagnoser]
public class FlowEvaluationBenchmarks
{
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.Ordinal) { ["101"] = "a101", ["102"] = "a102", ["103"] = "a103" };
    private readonly int[] _order = new int[64];
    private readonly Random _random = new(7);
    private readonly Usage _usage = new();
    private CompiledFlow _plain = null!;
    private CompiledFlow _simultaneous = null!;
    private CompiledFlow _leastUsed = null!;
    private FlowContext _context;

    [GlobalSetup]
    public void Setup()
    {
        _plain = FlowCompiler.Compile(Flow("plain", "call-to-sip", "extension=101"), Extensions, _ => null);
        _simultaneous = Build(HuntSequence.Simultaneous);
        _leastUsed = Build(HuntSequence.LeastUsed);
        _context = new FlowContext(Instant.FromUtc(2026, 11, 23, 15, 0), DateTimeZoneProviders.Tzdb["America/Toronto"], Night: false);
    }

    private static CompiledFlow Build(HuntSequence sequence)
    {
        var group = new HuntGroupPlan("acme", "200", "Sales", sequence, HuntCallerId.Keep, true, null,
            [new("a101", "101", 0, 20, false, false), new("a102", "102", 0, 20, false, false), new("a103", "103", 0, 20, false, false)], []);
        var groups = HuntGroups.Build([group], Extensions);
        var definition = new FlowDefinition("bench", "acme", ["16045550100"], [
            Node("in", "my-numbers", "", "next=hours"),
            Node("hours", "time-routing", "hours=mon-fri 09:00-17:00;holidays=2026-12-25 2027-01-01", "true=sales;false=sales"),
            Node("sales", "hunt-group", "group=200", "")]);
        return FlowCompiler.Compile(definition, Extensions, n => groups.GetValueOrDefault(n));
    }

    private static FlowDefinition Flow(string id, string type, string fields) =>
        new(id, "acme", ["101"], [Node("in", "my-numbers", "", "next=x"), Node("x", type, fields, "")]);

    private static FlowNodeDefinition Node(string id, string type, string fields, string branches) =>
        new(id, type, Pairs(fields), Pairs(branches));

    private static Dictionary<string, string> Pairs(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    [Benchmark(Baseline = true)]
    public int EntryToExtension()
    {
        var run = FlowRun.Start(_plain);
        var step = FlowEvaluator.Next(ref run, _context);
        return step.Target!.Length;
    }

    [Benchmark]
    public int TimeRoutingToSimultaneousGroupOfThree() => Evaluate(_simultaneous);

    [Benchmark]
    public int TimeRoutingToLeastUsedGroupOfThree() => Evaluate(_leastUsed);

    private int Evaluate(CompiledFlow flow)
    {
        var run = FlowRun.Start(flow);
        var step = FlowEvaluator.Next(ref run, _context);
        return HuntOrder.Choose(step.Group!, _order, _random, _usage);
    }

    private sealed class Usage : IHuntUsage
    {
        private readonly Dictionary<string, long> _last = new(StringComparer.Ordinal) { ["a101"] = 30, ["a102"] = 10, ["a103"] = 20 };

        public long LastUsed(string accountId) => _last.GetValueOrDefault(accountId);
    }
}
