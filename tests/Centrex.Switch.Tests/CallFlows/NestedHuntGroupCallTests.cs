using Centrex.Switch.CallFlows;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Tests.Support;
using NodaTime;
using Steps = Centrex.Switch.Tests.Support.Flows;

namespace Centrex.Switch.Tests.CallFlows;

/// <summary>
/// Seed 004 "Several huntgroups can be combined into one", against the running switch with phones on real UDP: a
/// call to a group rings its own members, then its included group's, in order; a line in both rings once; and a cycle
/// of groups (provisioning refuses one; a directory built another way may still have it) rings each line once and
/// ends instead of looping.
/// </summary>
public sealed class NestedHuntGroupCallTests
{
    private static readonly string[] Lines = ["201", "202", "203", "204"];

    [Fact]
    public async Task AnIncludedGroupsMembers_RingAfterTheGroupsOwn_AndOneOfThemAnswers()
    {
        await using var fixture = new SwitchFixture(partitions: 1, directoryJson: HuntLines.DirectoryJson(Lines));
        var front = HuntLines.Group(fixture, "200", HuntSequence.Order, ["201", "202"], groups: ["300"]);
        var back = HuntLines.Group(fixture, "300", HuntSequence.Order, ["202", "203", "204"]); // 202 is in both: rung once
        fixture.Live.Replace(new FeatureDirectory(fixture.Directory, "acme", DateTimeZone.Utc, [front, back]));
        using var caller = new TestPhone(fixture.Endpoint, HuntLines.Caller);
        var phones = Lines.ToDictionary(e => e, e => new TestPhone(fixture.Endpoint, HuntLines.Line(e)));
        try
        {
            foreach (var phone in phones.Values)
            {
                Steps.Register(phone);
            }

            Steps.Invite(caller, "200");
            HuntLines.Busy(phones["201"]);
            HuntLines.Busy(phones["202"]);
            HuntLines.Busy(phones["203"]); // the included group's, after the group's own
            var ok = HuntLines.Answer(phones["204"], caller, "d1");
            Steps.Sync(caller, fixture.Switch);
            Assert.DoesNotContain(phones["202"].Drain(), m => m.IsRequest); // not rung again as 300's member
            Assert.Equal(1, fixture.Switch.ConfirmedCalls);
            HuntLines.HangUp(caller, ok, phones["204"]);
            Steps.Sync(caller, fixture.Switch);
            Assert.Equal(CallDisposition.Answered, Assert.Single(fixture.Cdrs.Ends).Disposition);
        }
        finally
        {
            foreach (var phone in phones.Values)
            {
                phone.Dispose();
            }
        }
    }

    [Fact]
    public async Task GroupsIncludingEachOther_RingEachLineOnce_AndTheCallEnds()
    {
        await using var fixture = new SwitchFixture(partitions: 1, directoryJson: HuntLines.DirectoryJson(Lines));
        var a = HuntLines.Group(fixture, "200", HuntSequence.Order, ["201"], groups: ["300"]);
        var b = HuntLines.Group(fixture, "300", HuntSequence.Order, ["202"], groups: ["400"]);
        var c = HuntLines.Group(fixture, "400", HuntSequence.Order, ["203"], groups: ["200"]); // back to the first
        fixture.Live.Replace(new FeatureDirectory(fixture.Directory, "acme", DateTimeZone.Utc, [a, b, c]));
        using var caller = new TestPhone(fixture.Endpoint, HuntLines.Caller);
        var phones = Lines.ToDictionary(e => e, e => new TestPhone(fixture.Endpoint, HuntLines.Line(e)));
        try
        {
            foreach (var phone in phones.Values)
            {
                Steps.Register(phone);
            }

            Steps.Invite(caller, "300");
            HuntLines.Busy(phones["202"]);
            HuntLines.Busy(phones["203"]);
            HuntLines.Busy(phones["201"]);
            Assert.Equal(486, HuntLines.Final(caller, "300"));
            Steps.Sync(caller, fixture.Switch);
            Assert.All(phones.Values, p => Assert.DoesNotContain(p.Drain(), m => m.IsRequest));
            Assert.Equal(0, fixture.Switch.ActiveCalls);
        }
        finally
        {
            foreach (var phone in phones.Values)
            {
                phone.Dispose();
            }
        }
    }
}
