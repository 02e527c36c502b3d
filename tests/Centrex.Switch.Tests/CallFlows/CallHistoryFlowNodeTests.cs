using Centrex.Switch.Calls;
using Centrex.Switch.CallFlows;
using Centrex.Switch.CallFlows.Async;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Tests.Support;
using NodaTime;
using Steps = Centrex.Switch.Tests.Support.Flows;
using CdrDirection = Centrex.Switch.Admission.CallDirection;

namespace Centrex.Switch.Tests.CallFlows;

/// <summary>
/// Seed 003's routing by call history from a real CDR store (the files <c>serve</c> writes, in a temp data directory):
/// alice last spoke with carol (an answered call three days ago, later than one with bob), so her call to 102 rings
/// carol; when the window is shorter than that, or carol does not answer, the else branch rings bob.
/// </summary>
public sealed class CallHistoryFlowNodeTests : IDisposable
{
    private const string Alice = "16045550101";
    private const string Bob = "16045550102";
    private const string Carol = "16045550103";

    private readonly string _data = Path.Combine(Path.GetTempPath(), "centrex-history-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private void Store(params SwitchCdr[] cdrs)
    {
        using var store = new CdrStore(_data);
        foreach (var cdr in cdrs)
        {
            store.Append(cdr);
        }

        store.Flush();
    }

    private static SwitchCdr Cdr(string id, string account, string caller, string callee, Instant start, CallDisposition disposition = CallDisposition.Answered) =>
        new(id, account, caller, callee, callee.Length > 4 ? callee : string.Empty, start, disposition == CallDisposition.Answered ? start + Duration.FromSeconds(5) : null,
            start + Duration.FromMinutes(2), 115, disposition, id + "@test", "PCMU", "hq", CdrDirection.Incoming, false);

    [Theory]
    [InlineData(30, true, Carol)]
    [InlineData(30, false, Bob)]
    [InlineData(2, true, Bob)]
    public async Task TheCallerIsRoutedToWhomHeLastSpokeWith_ElseTheElseBranch(int days, bool carolAnswers, string expected)
    {
        var now = Instant.FromUtc(2026, 11, 22, 9, 0);
        Store(
            Cdr("old", Bob, Alice, "102", now - Duration.FromDays(10)),
            Cdr("last", Carol, Alice, "103", now - Duration.FromDays(3)),
            Cdr("unanswered", Bob, Alice, "102", now - Duration.FromDays(1), CallDisposition.NoAnswer), // not spoken with
            Cdr("other-caller", Bob, "15145550199", "102", now - Duration.FromHours(1)));

        await using var fixture = new SwitchFixture(partitions: 1, options: new SwitchOptions { Flows = new FlowServices { History = new CdrCallHistory(_data) } });
        var flow = new FlowDefinition("history", "acme", ["102"], [
            FeatureDirectory.Node("in", "my-numbers", branches: "next=last"),
            FeatureDirectory.Node("last", "call-history", $"days={days};ring_for=5", "else=bob"),
            FeatureDirectory.Node("bob", "call-to-sip", "extension=102")]);
        fixture.Live.Replace(new FeatureDirectory(fixture.Directory, "acme", DateTimeZone.Utc, flows: [flow]));
        using var alice = new TestPhone(fixture.Endpoint, Alice);
        using var bob = new TestPhone(fixture.Endpoint, Bob);
        using var carol = new TestPhone(fixture.Endpoint, Carol);
        Steps.Register(bob);
        Steps.Register(carol);

        Steps.Invite(alice, "102");
        var answered = days > 3 ? carol : bob; // carol is found only within the window
        var invite = answered.ReceiveRequest("INVITE").Message;
        if (answered == carol && !carolAnswers)
        {
            carol.Send(carol.Response(invite, 486, "Busy Here", "c1")); // busy: the else branch
            carol.ReceiveRequest("ACK");
            answered = bob;
            invite = bob.ReceiveRequest("INVITE").Message;
        }

        answered.Send(answered.Response(invite, 200, "OK", "x1", Steps.Sdp));
        alice.ReceiveResponse(200);
        Steps.Sync(alice, fixture.Switch);

        Assert.Equal(expected, answered.User);
        if (expected == Bob && days <= 3)
        {
            Assert.DoesNotContain(carol.Drain(), m => m.IsRequest && m.Text(m.MethodName) == "INVITE");
        }
    }
}
