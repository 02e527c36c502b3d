using Centrex.Switch.Cdrs;
using Centrex.Switch.CallFlows;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Support;
using NodaTime;
using Steps = Centrex.Switch.Tests.Support.Flows;

namespace Centrex.Switch.Tests.CallFlows;

/// <summary>
/// Issue 15 on the manual clock, with phones on real sockets: a hunt group's member rings out into the group's
/// no-answer destination; <c>*72</c> conditional forwarding on busy, no answer and unregistered; time routing in the
/// customer's zone; day/night toggled by <c>*33</c>; a follow-me number used only in its period (seed 004's 20:00–08:00
/// weekdays); a line without a flow or forwarding rings as before.
/// </summary>
public sealed class FlowCallTests
{
    private const string Alice = "16045550101";
    private const string Bob = "16045550102";
    private const string Carol = "16045550103";

    private static void Answer(TestPhone phone, SipMessage invite, string tag) => phone.Send(phone.Response(invite, 200, "OK", tag, Steps.Sdp));

    [Fact]
    public async Task AGroupMemberRingsOut_TheCallGoesToTheGroupsNoAnswerDestination()
    {
        await using var fixture = new SwitchFixture(partitions: 1);
        var d = fixture.Directory;
        var group = new HuntGroupPlan("acme", "300", "Support", HuntSequence.Order, HuntCallerId.Group, false, "103",
            [FeatureDirectory.Member(d, "acme", "102", ringSeconds: 10)], []);
        fixture.Live.Replace(new FeatureDirectory(d, "acme", DateTimeZone.Utc, [group]));
        using var alice = new TestPhone(fixture.Endpoint, Alice);
        using var bob = new TestPhone(fixture.Endpoint, Bob);
        using var carol = new TestPhone(fixture.Endpoint, Carol);
        Steps.Register(bob);
        Steps.Register(carol);

        Steps.Invite(alice, "300");
        var bobInvite = Steps.Ring(bob, "b1");
        Assert.Contains("\"Support\" <sip:300@", bobInvite.Text(bobInvite.Find(SipHeaderKind.From)), StringComparison.Ordinal); // the group's name and CLI
        alice.ReceiveResponse(180);
        Steps.Sync(bob, fixture.Switch);
        fixture.Clock.Advance(Duration.FromSeconds(9));
        Steps.Sync(bob, fixture.Switch);
        Assert.Empty(carol.Drain()); // 9 s: still bob's turn

        fixture.Clock.Advance(Duration.FromSeconds(1));
        Steps.TakeCancel(bob, bobInvite, "b1");
        var carolInvite = carol.ReceiveRequest("INVITE").Message;
        Answer(carol, carolInvite, "c1");
        var ok = alice.ReceiveResponse(200);
        alice.Send(Steps.InDialog(alice, ok, "ACK", 2));
        carol.ReceiveRequest("ACK");
        alice.Send(Steps.InDialog(alice, ok, "BYE", 3));
        var bye = carol.ReceiveRequest("BYE").Message;
        carol.Send(carol.Response(bye, 200, "OK", "c1"));
        alice.ReceiveResponse(200);

        Assert.Equal(CallDisposition.Answered, Assert.Single(fixture.Cdrs.Ends).Disposition);
    }

    [Fact]
    public async Task Star72_ABusyLineForwardsToTheNumber_AndStar72StarClearsIt()
    {
        await using var fixture = new SwitchFixture(partitions: 1);
        using var alice = new TestPhone(fixture.Endpoint, Alice);
        using var bob = new TestPhone(fixture.Endpoint, Bob);
        using var carol = new TestPhone(fixture.Endpoint, Carol);
        Steps.Register(alice);
        Steps.Register(carol);
        Steps.Dial(alice, "*72103");

        Steps.Invite(bob, "101");
        var busy = alice.ReceiveRequest("INVITE").Message;
        alice.Send(alice.Response(busy, 486, "Busy Here", "a9"));
        alice.ReceiveRequest("ACK");
        var forwarded = carol.ReceiveRequest("INVITE").Message;
        Answer(carol, forwarded, "c1");
        Assert.Equal(200, bob.ReceiveFinal().StatusCode);

        Steps.Dial(alice, "*72*");
        Steps.Invite(bob, "101");
        var again = alice.ReceiveRequest("INVITE").Message;
        alice.Send(alice.Response(again, 486, "Busy Here", "a8"));
        Assert.Equal(486, bob.ReceiveFinal().StatusCode); // cleared: busy is busy again
        Assert.DoesNotContain(carol.Drain(), m => m.IsRequest && m.Method == SipMethod.Invite);
    }

    [Fact]
    public async Task Star72_NoAnswerWithinTheRingTime_OrUnregistered_ForwardsToTheNumber()
    {
        await using var fixture = new SwitchFixture(partitions: 1);
        using var alice = new TestPhone(fixture.Endpoint, Alice);
        using var bob = new TestPhone(fixture.Endpoint, Bob);
        using var carol = new TestPhone(fixture.Endpoint, Carol);
        Steps.Register(alice);
        Steps.Register(carol);
        Steps.Dial(alice, "*72103");

        Steps.Invite(bob, "101");
        var ringing = Steps.Ring(alice, "a1");
        Steps.Sync(alice, fixture.Switch);
        fixture.Clock.Advance(Duration.FromSeconds(20)); // the line's ring time (20 s when not provisioned)
        Steps.TakeCancel(alice, ringing, "a1");
        var forwarded = carol.ReceiveRequest("INVITE").Message;
        carol.Send(carol.Response(forwarded, 486, "Busy Here", "c1"));
        Assert.Equal(486, bob.ReceiveFinal().StatusCode);

        Steps.Register(alice, expires: 0); // unregistered: straight to the number
        Steps.Invite(bob, "101");
        Answer(carol, carol.ReceiveRequest("INVITE").Message, "c2");
        Assert.Equal(200, bob.ReceiveFinal().StatusCode);
    }

    private static FlowDefinition DayFlow(string first, string firstFields, string firstBranches) => new("day", "acme", ["102"], [
        FeatureDirectory.Node("in", "my-numbers", branches: "next=decide"),
        FeatureDirectory.Node("decide", first, firstFields, firstBranches),
        FeatureDirectory.Node("office", "call-to-sip", "extension=102"),
        FeatureDirectory.Node("away", "call-to-sip", "extension=103")]);

    [Theory]
    [InlineData(2026, 11, 22, 15, 0, "103")] // Sunday 10:00 in Toronto: closed
    [InlineData(2026, 11, 23, 14, 0, "102")] // Monday 09:00 in Toronto (14:00 UTC): open
    [InlineData(2026, 11, 23, 13, 59, "103")] // Monday 08:59 in Toronto: not yet
    [InlineData(2026, 12, 25, 15, 0, "103")] // Friday, a holiday
    public async Task TimeRouting_FollowsOfficeHoursAndHolidaysInTheCustomersZone(int y, int mo, int d, int h, int mi, string rings)
    {
        await using var fixture = new SwitchFixture(partitions: 1);
        fixture.Clock.Advance(Instant.FromUtc(y, mo, d, h, mi) - fixture.Clock.Now);
        var flow = DayFlow("time-routing", "hours=mon-fri 09:00-17:00;holidays=2026-12-25", "true=office;false=away");
        fixture.Live.Replace(new FeatureDirectory(fixture.Directory, "acme", DateTimeZoneProviders.Tzdb["America/Toronto"], flows: [flow]));
        using var alice = new TestPhone(fixture.Endpoint, Alice);
        using var bob = new TestPhone(fixture.Endpoint, Bob);
        using var carol = new TestPhone(fixture.Endpoint, Carol);
        Steps.Register(bob);
        Steps.Register(carol);

        Steps.Invite(alice, "102");
        var phone = rings == "102" ? bob : carol;
        Answer(phone, phone.ReceiveRequest("INVITE").Message, "x1");

        Assert.Equal(200, alice.ReceiveFinal().StatusCode);
        Assert.DoesNotContain((rings == "102" ? carol : bob).Drain(), m => m.IsRequest && m.Method == SipMethod.Invite);
    }

    [Fact]
    public async Task Star33_TogglesNightMode_ForTheDayNightNode()
    {
        await using var fixture = new SwitchFixture(partitions: 1);
        fixture.Live.Replace(new FeatureDirectory(fixture.Directory, "acme", DateTimeZone.Utc, flows: [DayFlow("day-night", "", "day=office;night=away")]));
        using var alice = new TestPhone(fixture.Endpoint, Alice);
        using var bob = new TestPhone(fixture.Endpoint, Bob);
        using var carol = new TestPhone(fixture.Endpoint, Carol);
        Steps.Register(bob);
        Steps.Register(carol);

        Steps.Dial(alice, "*33"); // night
        Steps.Invite(alice, "102");
        var night = carol.ReceiveRequest("INVITE").Message;
        carol.Send(carol.Response(night, 486, "Busy Here", "c1"));
        Assert.Equal(486, alice.ReceiveFinal().StatusCode);

        Steps.Dial(alice, "*33"); // day again
        Steps.Invite(alice, "102");
        var day = bob.ReceiveRequest("INVITE").Message;
        bob.Send(bob.Response(day, 486, "Busy Here", "b1"));
        Assert.Equal(486, alice.ReceiveFinal().StatusCode);
    }

    [Theory]
    [InlineData(2026, 11, 23, 21, 0, true)]   // Monday 21:00 in Halifax: in the period
    [InlineData(2026, 11, 24, 7, 59, true)]   // Tuesday 07:59: the period that started Monday evening
    [InlineData(2026, 11, 24, 8, 0, false)]   // Tuesday 08:00: over
    [InlineData(2026, 11, 28, 21, 0, false)]  // Saturday 21:00: not a weekday
    public async Task FollowMe_UsesANumberOnlyInItsPeriod_TheSeedsWeekdayNights(int y, int mo, int d, int h, int mi, bool forwarded)
    {
        // Seed 004, period wizard: "starts at 8pm and lasts until 8am the next morning", weekdays, in the customer's zone.
        var zone = DateTimeZoneProviders.Tzdb["America/Halifax"];
        await using var fixture = new SwitchFixture(partitions: 1);
        fixture.Clock.Advance(new LocalDateTime(y, mo, d, h, mi).InZoneStrictly(zone).ToInstant() - fixture.Clock.Now);
        var nights = new RingSchedule(new LocalTime(20, 0), new LocalTime(8, 0), OfficeHours.DayMask([IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday,
            IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday]), RingSchedule.AllMonths);
        var followMe = new LineForwarding(ForwardWhen.Always, 20, false, [new ForwardTarget("103", 15, [nights])]);
        fixture.Live.Replace(new FeatureDirectory(fixture.Directory, "acme", zone, forwarding: new Dictionary<string, LineForwarding> { [Bob] = followMe }));
        using var alice = new TestPhone(fixture.Endpoint, Alice);
        using var bob = new TestPhone(fixture.Endpoint, Bob);
        using var carol = new TestPhone(fixture.Endpoint, Carol);
        Steps.Register(bob);
        Steps.Register(carol);

        Steps.Invite(alice, "102");
        var phone = forwarded ? carol : bob;
        Answer(phone, phone.ReceiveRequest("INVITE").Message, "x1");

        Assert.Equal(200, alice.ReceiveFinal().StatusCode);
    }

    [Fact]
    public async Task ALineWithoutAFlowOrForwarding_RingsAsBefore()
    {
        await using var fixture = new SwitchFixture(partitions: 1);
        fixture.Live.Replace(new FeatureDirectory(fixture.Directory, "acme", DateTimeZone.Utc));
        using var alice = new TestPhone(fixture.Endpoint, Alice);
        using var bob = new TestPhone(fixture.Endpoint, Bob);

        var (_, ok) = Steps.AnsweredCall(alice, bob);

        Assert.Equal(200, ok.StatusCode);
    }

    [Fact]
    public async Task TheSwitchStoppingWhileAGroupRings_RecordsTheCallOnce()
    {
        var fixture = new SwitchFixture(partitions: 1);
        var d = fixture.Directory;
        var group = new HuntGroupPlan("acme", "200", "Sales", HuntSequence.Simultaneous, HuntCallerId.Keep, false, null,
            [FeatureDirectory.Member(d, "acme", "102"), FeatureDirectory.Member(d, "acme", "103")], []);
        fixture.Live.Replace(new FeatureDirectory(d, "acme", DateTimeZone.Utc, [group]));
        using var alice = new TestPhone(fixture.Endpoint, Alice);
        using var bob = new TestPhone(fixture.Endpoint, Bob);
        using var carol = new TestPhone(fixture.Endpoint, Carol);
        Steps.Register(bob);
        Steps.Register(carol);
        Steps.Invite(alice, "200");
        Steps.Ring(bob, "b1");
        Steps.Ring(carol, "c1");
        Steps.Sync(bob, fixture.Switch);

        await fixture.DisposeAsync(); // every call in progress is ended with its CDR; the ringing legs are not calls

        var end = Assert.Single(fixture.Cdrs.Ends);
        Assert.Equal(CallDisposition.Failed, end.Disposition);
        Assert.Equal(0, fixture.Switch.ActiveCalls);
    }
}
