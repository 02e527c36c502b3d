using System.Text.Json;
using Centrex.Switch.Calls;
using Centrex.Switch.CallFlows;
using Centrex.Switch.CallFlows.Async;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Support;
using NodaTime;
using Steps = Centrex.Switch.Tests.Support.Flows;

namespace Centrex.Switch.Tests.CallFlows;

/// <summary>
/// Seed 003's HTTP notification against a real web server (Kestrel on loopback), phones on real sockets, the manual
/// clock: the answer 1–5 picks the branch, a 500 and a server slower than the node's deadline take its error branch
/// (which here changes the caller number, seed 003 Change prefix/suffix, so the phone shows which way the call came),
/// CANCEL while the POST is pending drops its result, and a partition refuses work past its bound.
/// </summary>
public sealed class HttpFlowNodeTests
{
    private const string Alice = "16045550101";
    private const string Bob = "16045550102";
    private const string Carol = "16045550103";

    /// <summary>The caller number the error branch shows: 4 characters stripped, 99 before, 7 after.</summary>
    private const string Tagged = "<sip:99" + "5550101" + "7@";

    /// <summary>Alice calls 102, whose flow asks <paramref name="url"/>: 1 rings bob, 2 rings carol, errors tag the caller and ring bob.</summary>
    private static void Install(SwitchFixture fixture, string url)
    {
        var d = fixture.Directory;
        var flow = new FlowDefinition("notify", "acme", ["102"], [
            FeatureDirectory.Node("in", "my-numbers", branches: "next=ask"),
            FeatureDirectory.Node("ask", "http-notification", $"url={url};timeout=2", "1=bob;2=carol;error=tag"),
            FeatureDirectory.Node("tag", "change-prefix", "strip=4;prefix=99;suffix=7", "next=bob"),
            FeatureDirectory.Node("bob", "call-to-sip", "extension=102"),
            FeatureDirectory.Node("carol", "call-to-sip", "extension=103")]);
        fixture.Live.Replace(new FeatureDirectory(d, "acme", DateTimeZone.Utc, flows: [flow]));
    }

    private static string From(SipMessage m) => m.Text(m.Find(SipHeaderKind.From));

    /// <summary>The phone refuses the call busy; the caller gets 486 (the flow has nothing after it).</summary>
    private static void Refuse(TestPhone phone, SipMessage invite, TestPhone caller)
    {
        phone.Send(phone.Response(invite, 486, "Busy Here", "x1"));
        phone.ReceiveRequest("ACK");
        caller.ReceiveResponse(486);
    }

    private static void WaitForNoWork(SwitchFixture fixture)
    {
        var patience = System.Diagnostics.Stopwatch.StartNew();
        while (fixture.Switch.FlowWorkInFlight > 0)
        {
            Assert.True(patience.Elapsed < TimeSpan.FromSeconds(20), "the flow's work never came back to its partition");
            Thread.Sleep(10);
        }
    }

    [Theory]
    [InlineData("2", Carol)]
    [InlineData("1", Bob)]
    public async Task TheServersAnswer_PicksTheBranch_AndGetsTheCallsDetails(string answer, string expected)
    {
        await using var web = await FlowWebServer.StartAsync();
        await using var fixture = new SwitchFixture(partitions: 1);
        Install(fixture, $"{web.Url}/answer/{answer}");
        using var alice = new TestPhone(fixture.Endpoint, Alice);
        using var bob = new TestPhone(fixture.Endpoint, Bob);
        using var carol = new TestPhone(fixture.Endpoint, Carol);
        Steps.Register(bob);
        Steps.Register(carol);

        Steps.Invite(alice, "102");
        var (rung, other) = expected == Carol ? (carol, bob) : (bob, carol);
        var invite = rung.ReceiveRequest("INVITE").Message;
        Assert.DoesNotContain("<sip:99", From(invite), StringComparison.Ordinal); // not the error branch
        Refuse(rung, invite, alice);
        Steps.Sync(alice, fixture.Switch);
        Assert.DoesNotContain(other.Drain(), m => m.IsRequest && m.Text(m.MethodName) == "INVITE");

        var (path, body) = Assert.Single(web.Requests);
        Assert.Equal($"/answer/{answer}", path);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal((Alice, "102", "102", "acme", "2026-11-22T09:00:00Z"),
            (root.GetProperty("caller").GetString(), root.GetProperty("called").GetString(), root.GetProperty("did").GetString(),
             root.GetProperty("customer").GetString(), root.GetProperty("time").GetString()));
        Assert.Equal(fixture.Cdrs.Ends.Single().Call.Id, root.GetProperty("call_id").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("sip_call_id").GetString()));
        WaitForNoWork(fixture);
    }

    [Fact]
    public async Task A500_TakesTheErrorBranch_WhichChangesTheCallerNumber()
    {
        await using var web = await FlowWebServer.StartAsync();
        await using var fixture = new SwitchFixture(partitions: 1);
        Install(fixture, $"{web.Url}/fail");
        using var alice = new TestPhone(fixture.Endpoint, Alice);
        using var bob = new TestPhone(fixture.Endpoint, Bob);
        Steps.Register(bob);

        Steps.Invite(alice, "102");
        var invite = bob.ReceiveRequest("INVITE").Message;

        Assert.Contains(Tagged, From(invite), StringComparison.Ordinal);
        Refuse(bob, invite, alice);
        WaitForNoWork(fixture);
    }

    [Fact]
    public async Task AServerSlowerThanTheDeadline_TakesTheErrorBranchAtTheDeadline_AndItsRequestIsGivenUp()
    {
        await using var web = await FlowWebServer.StartAsync();
        await using var fixture = new SwitchFixture(partitions: 1);
        Install(fixture, $"{web.Url}/slow");
        using var alice = new TestPhone(fixture.Endpoint, Alice);
        using var bob = new TestPhone(fixture.Endpoint, Bob);
        Steps.Register(bob);

        Steps.Invite(alice, "102");
        web.WaitForRequest();
        fixture.Clock.Advance(Duration.FromMilliseconds(1900));
        Steps.Sync(alice, fixture.Switch);
        Assert.Empty(bob.Drain()); // before the 2 s deadline the flow still waits
        Assert.Equal(1, fixture.Switch.FlowWorkInFlight);

        fixture.Clock.Advance(Duration.FromMilliseconds(100));
        var invite = bob.ReceiveRequest("INVITE").Message;

        Assert.Contains(Tagged, From(invite), StringComparison.Ordinal);
        web.WaitForAbort(); // the switch cancelled the request at the deadline
        WaitForNoWork(fixture);
        Refuse(bob, invite, alice);
    }

    [Fact]
    public async Task CancelWhileThePostIsPending_EndsTheCall_AndTheResultIsDropped()
    {
        await using var web = await FlowWebServer.StartAsync();
        await using var fixture = new SwitchFixture(partitions: 1);
        Install(fixture, $"{web.Url}/slow");
        using var alice = new TestPhone(fixture.Endpoint, Alice);
        using var bob = new TestPhone(fixture.Endpoint, Bob);
        Steps.Register(bob);

        var (callId, tag, branch, _) = Steps.Invite(alice, "102");
        web.WaitForRequest();
        alice.Send(alice.Request("CANCEL", $"sip:102@{SwitchFixture.Realm}", callId, 2, tag, branch: branch));
        alice.ReceiveResponse(487);
        web.WaitForAbort();
        WaitForNoWork(fixture);
        fixture.Clock.Advance(Duration.FromSeconds(3)); // past the deadline: nothing is left to take a branch
        Steps.Sync(alice, fixture.Switch);

        Assert.DoesNotContain(bob.Drain(), m => m.IsRequest && m.Text(m.MethodName) == "INVITE");
        Assert.Equal(CallDisposition.Cancelled, Assert.Single(fixture.Cdrs.Ends).Disposition);
        Assert.Equal(0, fixture.Switch.ActiveCalls);
    }

    [Fact]
    public async Task PastThePartitionsBound_TheNodeIsRefused_AndTakesItsErrorBranchAtOnce()
    {
        await using var web = await FlowWebServer.StartAsync();
        await using var fixture = new SwitchFixture(partitions: 1, options: new SwitchOptions { Flows = new FlowServices { MaxInFlight = 1 } });
        Install(fixture, $"{web.Url}/slow");
        using var alice = new TestPhone(fixture.Endpoint, Alice);
        using var bob = new TestPhone(fixture.Endpoint, Bob);
        using var carol = new TestPhone(fixture.Endpoint, Carol);
        Steps.Register(bob);

        Steps.Invite(alice, "102");
        web.WaitForRequest(); // one request in flight: the bound
        Steps.Invite(carol, "102");
        var invite = bob.ReceiveRequest("INVITE").Message;

        Assert.Contains("<sip:99" + "5550103" + "7@", From(invite), StringComparison.Ordinal); // carol's call, refused at once
        Assert.Single(web.Requests);
        Assert.Equal(1, fixture.Switch.FlowWorkInFlight);
        Refuse(bob, invite, carol);
    }
}
