using Centrex.Switch.CallFlows;
using Centrex.Switch.CallFlows.Async;
using Centrex.Switch.CallFlows.Nodes;
using NodaTime;
using static Centrex.Switch.Tests.Support.FeatureDirectory;

namespace Centrex.Switch.Tests.CallFlows;

/// <summary>
/// The evaluator with seed 003's network and caller-number nodes, without a switch: entering a network node only asks
/// for its work (nothing allocated), its result resumes at the branch the node chooses, Change prefix/suffix rewrites
/// the number, and a wrong field is refused at compile time with flow, node and field named.
/// </summary>
public sealed class AsyncFlowEvaluatorTests
{
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.Ordinal) { ["101"] = "a101", ["102"] = "a102", ["103"] = "a103" };
    private static readonly FlowContext Context = new(Instant.FromUtc(2026, 11, 23, 15, 0), DateTimeZone.Utc, false);

    private static CompiledFlow Compile(params FlowNodeDefinition[] nodes) =>
        FlowCompiler.Compile(new FlowDefinition("f", "acme", ["101"], nodes), Extensions, _ => null);

    private static CompiledFlow Notification() => Compile(
        Node("in", "my-numbers", branches: "next=ask"),
        Node("ask", "http-notification", "url=http://127.0.0.1:9/calls", "1=one;5=five;next=plain;error=failed"),
        Node("one", "call-to-sip", "extension=101"),
        Node("five", "call-to-sip", "extension=102"),
        Node("plain", "call-to-sip", "extension=103"),
        Node("failed", "call-to-phone", "number=+15145550100"));

    [Theory]
    [InlineData(FlowResultKind.Done, 1, "a101")]
    [InlineData(FlowResultKind.Done, 5, "a102")]
    [InlineData(FlowResultKind.Done, 3, "a103")] // an answer with no branch: next
    [InlineData(FlowResultKind.Done, 0, "a103")] // no digit at all: next
    [InlineData(FlowResultKind.TimedOut, 0, "15145550100")]
    [InlineData(FlowResultKind.Failed, 0, "15145550100")]
    [InlineData(FlowResultKind.Refused, 0, "15145550100")]
    public void ANotificationsResult_ResumesAtItsBranch(FlowResultKind kind, int choice, string rung)
    {
        var run = FlowRun.Start(Notification());

        var ask = FlowEvaluator.Next(ref run, Context);
        var next = FlowEvaluator.Completed(ref run, new FlowResult(kind, choice), Context);

        Assert.Equal((FlowStepKind.Async, "ask"), (ask.Kind, ask.Async!.Id));
        Assert.Equal(rung, next.Target);
    }

    [Fact]
    public void EnteringANetworkNode_AllocatesNothing()
    {
        var flow = Notification();
        var warm = FlowRun.Start(flow);
        FlowEvaluator.Next(ref warm, Context);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            var run = FlowRun.Start(flow);
            FlowEvaluator.Next(ref run, Context);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Theory]
    [InlineData("16045550101", 0, "9", "", "916045550101")]
    [InlineData("16045550101", 1, "", "#2", "6045550101#2")]
    [InlineData("101", 5, "+", "", "+")]
    public void ChangePrefixSuffix_StripsThenAdds(string caller, int strip, string prefix, string suffix, string expected) =>
        Assert.Equal(expected, new ChangeCallerNode { Id = "c", NextNode = -1, Strip = strip, Prefix = prefix, Suffix = suffix }.Apply(caller));

    [Theory]
    [InlineData("http-notification", "url=http://x.example/;timeout=11", "fields.timeout")]
    [InlineData("http-notification", "url=mailto:x@example", "fields.url")]
    [InlineData("change-prefix", "prefix=12a", "fields.prefix")]
    [InlineData("email-notification", "to=nobody", "fields.to")]
    [InlineData("call-history", "days=0", "fields.days")]
    public void AWrongField_IsRefusedNamingFlowNodeAndField(string type, string fields, string field)
    {
        var e = Assert.Throws<FormatException>(() => Compile(Node("in", "my-numbers", branches: "next=x"), Node("x", type, fields, "next=in")));

        Assert.StartsWith($"call flow \"f\", node \"x\": field \"{field}\"", e.Message, StringComparison.Ordinal);
    }
}
