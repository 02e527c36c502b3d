using Centrex.Switch.CallFlows;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Support;
using NodaTime;
using Steps = Centrex.Switch.Tests.Support.Flows;

namespace Centrex.Switch.Tests.CallFlows;

/// <summary>
/// The largest hunt group (<see cref="HuntGroupPlan.MaxLines"/>, 64 lines with its included groups'): the running
/// switch rings every one of 64 phones on real UDP at once, and the last one's answer wins; one line more is refused
/// when the groups are built, never rung short.
/// </summary>
public sealed class HuntGroupLimitTests
{
    private static string[] Extensions(int count) => [.. Enumerable.Range(1000, count).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public async Task ASimultaneousGroupOfTheLimit_RingsEveryMember_AndTheLastOnesAnswerWins()
    {
        var extensions = Extensions(HuntGroupPlan.MaxLines);
        await using var fixture = new SwitchFixture(partitions: 1, directoryJson: HuntLines.DirectoryJson(extensions));
        // 40 lines of its own and 24 through an included group: the limit counts both.
        var group = HuntLines.Group(fixture, "300", HuntSequence.Simultaneous, extensions[..40], groups: ["301"]);
        var included = HuntLines.Group(fixture, "301", HuntSequence.Order, extensions[40..]);
        fixture.Live.Replace(new FeatureDirectory(fixture.Directory, "acme", DateTimeZone.Utc, [group, included]));
        Assert.Equal(HuntGroupPlan.MaxLines, fixture.Live.Current.FindHuntGroup("acme", "300")!.Members.Length);
        using var caller = new TestPhone(fixture.Endpoint, HuntLines.Caller);
        var phones = extensions.Select(e => new TestPhone(fixture.Endpoint, HuntLines.Line(e))).ToArray();
        try
        {
            foreach (var phone in phones)
            {
                Assert.Equal(200, Steps.Register(phone).StatusCode);
            }

            Steps.Invite(caller, "300");
            var invites = new SipMessage[phones.Length];
            for (var i = 0; i < phones.Length; i++)
            {
                invites[i] = phones[i].ReceiveRequest("INVITE").Message; // every one of the 64 rings
                phones[i].Send(phones[i].Response(invites[i], 180, "Ringing", "r" + i)); // a CANCEL waits for it (RFC 3261 §9.1)
            }

            var last = phones[^1];
            last.Send(last.Response(invites[^1], 200, "OK", "last", Steps.Sdp));
            for (var i = 0; i < phones.Length - 1; i++)
            {
                var cancel = phones[i].ReceiveRequest("CANCEL").Message;
                phones[i].Send(phones[i].Response(cancel, 200, "OK", "r" + i));
                phones[i].Send(phones[i].Response(invites[i], 487, "Request Terminated", "r" + i));
                phones[i].ReceiveRequest("ACK");
            }

            var ok = caller.ReceiveResponse(200);
            caller.Send(Steps.InDialog(caller, ok, "ACK", 2));
            last.ReceiveRequest("ACK");
            HuntLines.HangUp(caller, ok, last);
            Steps.Sync(caller, fixture.Switch);
            Assert.Equal(CallDisposition.Answered, Assert.Single(fixture.Cdrs.Ends).Disposition);
            Assert.Equal(0, fixture.Switch.ActiveCalls);
        }
        finally
        {
            foreach (var phone in phones)
            {
                phone.Dispose();
            }
        }
    }

    [Fact]
    public void OneLineOverTheLimit_WithItsIncludedGroup_IsRefusedWhenTheGroupsAreBuilt_NamingTheGroup()
    {
        var extensions = Extensions(HuntGroupPlan.MaxLines + 1);
        var lines = extensions.ToDictionary(e => e, HuntLines.Line, StringComparer.Ordinal);
        HuntMember Member(string e) => new(lines[e], e, 0, 10, false, false);
        var group = new HuntGroupPlan("acme", "300", "Big", HuntSequence.Simultaneous, HuntCallerId.Keep, false, null, [.. extensions[..40].Select(Member)], ["301"]);
        var included = new HuntGroupPlan("acme", "301", "Rest", HuntSequence.Order, HuntCallerId.Keep, false, null, [.. extensions[40..].Select(Member)], []);

        var e = Assert.Throws<ArgumentException>(() => HuntGroups.Build([group, included], lines));
        Assert.Contains("hunt group '300' of customer 'acme' rings 65 lines with its included groups; at most 64", e.Message, StringComparison.Ordinal);

        var fits = HuntGroups.Build([group with { Members = group.Members[..^1] }, included], lines); // 64: built whole
        Assert.Equal(HuntGroupPlan.MaxLines, fits["300"].Members.Length);
    }
}
