using Centrex.Switch.CallFlows;
using NodaTime;
using static Centrex.Switch.Tests.Support.FeatureDirectory;

namespace Centrex.Switch.Tests.CallFlows;

/// <summary>
/// The evaluator on its own: decision nodes walk to the first ringing step, branches follow outcomes, hunt orders, a
/// flow that rings in a loop still ends, a bad definition names flow, node and field, and evaluation allocates nothing
/// after warm-up (the target; the benchmark in bench/Centrex.Bench measures the time).
/// </summary>
public sealed class FlowEvaluatorTests
{
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.Ordinal) { ["101"] = "a101", ["102"] = "a102", ["103"] = "a103" };
    private static readonly DateTimeZone Toronto = DateTimeZoneProviders.Tzdb["America/Toronto"];

    private static HuntGroupPlan Group(HuntSequence sequence, string? noAnswer = null, string number = "200", string[]? groups = null, params string[] extensions) =>
        new("acme", number, "Sales", sequence, HuntCallerId.Keep, true, noAnswer,
            [.. extensions.Select(e => new HuntMember(Extensions[e], e, 0, 20, false, false))], groups ?? []);

    private static CompiledFlow Compile(IEnumerable<HuntGroupPlan> groups, params FlowNodeDefinition[] nodes)
    {
        var built = HuntGroups.Build(groups, Extensions);
        return FlowCompiler.Compile(new FlowDefinition("f", "acme", ["101"], nodes), Extensions, n => built.GetValueOrDefault(n));
    }

    [Fact]
    public void AGroupsNoAnswer_GoesToItsDestination_ThenStops()
    {
        var flow = Compile([Group(HuntSequence.Order, "103", "200", null, "101", "102")],
            Node("in", "my-numbers", branches: "next=g"), Node("g", "hunt-group", "group=200"));
        var context = new FlowContext(Instant.FromUtc(2026, 11, 23, 15, 0), Toronto, false);
        var run = FlowRun.Start(flow);

        var first = FlowEvaluator.Next(ref run, context);
        var second = FlowEvaluator.Resume(ref run, RingOutcome.NoAnswer, context);
        var third = FlowEvaluator.Resume(ref run, RingOutcome.Busy, context);

        Assert.Equal((FlowStepKind.RingGroup, "200"), (first.Kind, first.Group!.Number));
        Assert.Equal((FlowStepKind.RingAccount, "a103"), (second.Kind, second.Target));
        Assert.Equal(FlowStepKind.Stop, third.Kind);
    }

    [Fact]
    public void AGroupThatRingsItselfOnNoAnswer_StillEnds()
    {
        var flow = Compile([Group(HuntSequence.Simultaneous, null, "200", null, "101")],
            Node("in", "my-numbers", branches: "next=g"), Node("g", "hunt-group", "group=200", "no-answer=g"));
        var context = new FlowContext(Instant.FromUtc(2026, 11, 23, 15, 0), Toronto, false);
        var run = FlowRun.Start(flow);

        var steps = 1;
        for (var step = FlowEvaluator.Next(ref run, context); step.Kind != FlowStepKind.Stop; step = FlowEvaluator.Resume(ref run, RingOutcome.NoAnswer, context))
        {
            steps++;
        }

        Assert.Equal(FlowEvaluator.MaxSteps, steps);
    }

    [Fact]
    public void NestedGroups_AreFlattenedOnceEach_AndLeastUsedRingsTheLongestIdleFirst()
    {
        var sales = Group(HuntSequence.LeastUsed, null, "200", ["300"], "101", "102");
        var support = Group(HuntSequence.Order, null, "300", ["200"], "102", "103");
        var built = HuntGroups.Build([sales, support], Extensions);
        var order = new int[8];
        var usage = new Usage(new() { ["a101"] = 50, ["a102"] = 10, ["a103"] = 30 });

        var n = HuntOrder.Choose(built["200"], order, new Random(1), usage);

        Assert.Equal(["a101", "a102", "a103"], built["200"].Members.Select(m => m.AccountId));
        Assert.Equal(["a102", "a103", "a101"], order[..n].Select(i => built["200"].Members[i].AccountId));
    }

    [Fact]
    public void ABadNode_IsNamedWithItsFlowAndField()
    {
        var e = Assert.Throws<FormatException>(() => Compile([], Node("in", "my-numbers", branches: "next=t"),
            Node("t", "time-routing", "hours=weekdays", "true=in;false=in")));

        Assert.Contains("call flow \"f\", node \"t\": field \"fields.hours\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluation_AllocatesNothingPerCall_AfterWarmUp()
    {
        var flow = Compile([Group(HuntSequence.Simultaneous, null, "200", null, "101", "102", "103")],
            Node("in", "my-numbers", branches: "next=h"),
            Node("h", "time-routing", "hours=mon-fri 09:00-17:00;holidays=2026-12-25", "true=g;false=n"),
            Node("n", "day-night", branches: "day=g;night=g"),
            Node("g", "hunt-group", "group=200"));
        var context = new FlowContext(Instant.FromUtc(2026, 11, 22, 15, 0), Toronto, true); // Sunday: the false branch too
        var order = new int[8];
        var usage = new Usage([]);
        var random = new Random(3);
        var total = 0;
        for (var i = 0; i < 100; i++)
        {
            total += Evaluate(flow, context, order, random, usage);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            total += Evaluate(flow, context, order, random, usage);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(10_100 * 3, total);
    }

    private static int Evaluate(CompiledFlow flow, FlowContext context, int[] order, Random random, IHuntUsage usage)
    {
        var run = FlowRun.Start(flow);
        var step = FlowEvaluator.Next(ref run, context);
        return HuntOrder.Choose(step.Group!, order, random, usage);
    }

    private sealed class Usage(Dictionary<string, long> last) : IHuntUsage
    {
        public long LastUsed(string accountId) => last.GetValueOrDefault(accountId);
    }
}
