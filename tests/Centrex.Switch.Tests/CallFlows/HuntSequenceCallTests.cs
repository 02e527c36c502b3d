using Centrex.Switch.CallFlows;
using Centrex.Switch.Calls;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Tests.Support;
using NodaTime;
using Steps = Centrex.Switch.Tests.Support.Flows;

namespace Centrex.Switch.Tests.CallFlows;

/// <summary>
/// Seed 004 Hunt Sequence against the running switch, phones on real UDP: "Random" rings the members one by one in the
/// order the partition's random source gives each call (injected and seeded here, so the test knows it without
/// counting on chance), which changes from call to call; "Least Used" rings the line used longest ago first (the
/// seed's definition: "sorts the phone lines ... beginning with their last usage"), where using a line is any call of
/// it that connected, through the group or not.
/// </summary>
public sealed class HuntSequenceCallTests
{
    private static readonly string[] Members = ["201", "202", "203"];

    [Fact]
    public async Task Random_RingsEveryMemberOnce_InTheOrderTheRandomSourceGives_WhichVariesFromCallToCall()
    {
        const int Seed = 2026;
        await using var fixture = new SwitchFixture(partitions: 1, directoryJson: HuntLines.DirectoryJson(Members),
            options: new SwitchOptions { HuntRandom = _ => new Random(Seed) });
        fixture.Live.Replace(new FeatureDirectory(fixture.Directory, "acme", DateTimeZone.Utc, [HuntLines.Group(fixture, "300", HuntSequence.Random, Members)]));
        var group = fixture.Live.Current.FindHuntGroup("acme", "300")!;
        using var caller = new TestPhone(fixture.Endpoint, HuntLines.Caller);
        var phones = Members.ToDictionary(e => e, e => new TestPhone(fixture.Endpoint, HuntLines.Line(e)));
        try
        {
            foreach (var phone in phones.Values)
            {
                Steps.Register(phone);
            }

            var same = new Random(Seed); // the same source as the switch's partition, to know each call's order
            var order = new int[HuntGroupPlan.MaxLines];
            var firsts = new List<string>();
            for (var call = 0; call < 8; call++)
            {
                var n = HuntOrder.Choose(group, order, same, NoUsage.Instance);
                var expected = order[..n].Select(i => group.Members[i].Extension).ToArray();
                Assert.Equal(Members.Order(), expected.Order()); // a permutation: every member once

                Steps.Invite(caller, "300");
                foreach (var extension in expected)
                {
                    HuntLines.Busy(phones[extension]); // rung in this order, one at a time: busy moves on to the next
                }

                Assert.Equal(486, HuntLines.Final(caller, "300"));
                Steps.Sync(caller, fixture.Switch);
                Assert.All(phones.Values, p => Assert.DoesNotContain(p.Drain(), m => m.IsRequest)); // nobody rung twice or out of turn
                firsts.Add(expected[0]);
            }

            Assert.Equal(3, firsts.Distinct().Count()); // the order varies: each member came first in some call
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
    public async Task LeastUsed_RingsTheLineUsedLongestAgoFirst_CountingCallsOutsideTheGroup()
    {
        await using var fixture = new SwitchFixture(partitions: 1, directoryJson: HuntLines.DirectoryJson(Members));
        fixture.Live.Replace(new FeatureDirectory(fixture.Directory, "acme", DateTimeZone.Utc, [HuntLines.Group(fixture, "300", HuntSequence.LeastUsed, Members)]));
        using var caller = new TestPhone(fixture.Endpoint, HuntLines.Caller);
        var phones = Members.ToDictionary(e => e, e => new TestPhone(fixture.Endpoint, HuntLines.Line(e)));
        try
        {
            Steps.Register(caller);
            foreach (var phone in phones.Values)
            {
                Steps.Register(phone);
            }

            // Nobody used yet: the listed order. 201 answers (used at 09:01).
            fixture.Clock.Advance(Duration.FromMinutes(1));
            Steps.Invite(caller, "300");
            HuntLines.HangUp(caller, HuntLines.Answer(phones["201"], caller, "u1"), phones["201"]);

            // 202 and 203 were never used: 202 (listed first) rings first and answers (used at 09:02).
            fixture.Clock.Advance(Duration.FromMinutes(1));
            Steps.Invite(caller, "300");
            HuntLines.HangUp(caller, HuntLines.Answer(phones["202"], caller, "u2"), phones["202"]);

            // 203 never used, then 201 (09:01), then 202 (09:02); a busy line is not used. 202 answers (used at 09:03).
            fixture.Clock.Advance(Duration.FromMinutes(1));
            Steps.Invite(caller, "300");
            HuntLines.Busy(phones["203"]);
            HuntLines.Busy(phones["201"]);
            HuntLines.HangUp(caller, HuntLines.Answer(phones["202"], caller, "u3"), phones["202"]);

            // 203 calls 101 directly and talks (used at 09:04): a line's last usage is any call, not only the group's.
            fixture.Clock.Advance(Duration.FromMinutes(1));
            Steps.Invite(phones["203"], "101");
            HuntLines.HangUp(phones["203"], HuntLines.Answer(caller, phones["203"], "d1"), caller);

            // Now 201 (09:01) first, 202 (09:03), and 203 (09:04) last.
            fixture.Clock.Advance(Duration.FromMinutes(1));
            Steps.Invite(caller, "300");
            HuntLines.Busy(phones["201"]);
            HuntLines.Busy(phones["202"]);
            HuntLines.Busy(phones["203"]);
            Assert.Equal(486, HuntLines.Final(caller, "300"));
            Steps.Sync(caller, fixture.Switch);

            Assert.Equal([CallDisposition.Answered, CallDisposition.Answered, CallDisposition.Answered, CallDisposition.Answered, CallDisposition.Busy],
                fixture.Cdrs.Ends.Select(c => c.Disposition));
        }
        finally
        {
            foreach (var phone in phones.Values)
            {
                phone.Dispose();
            }
        }
    }

    /// <summary>Usage for random hunting, which reads none.</summary>
    private sealed class NoUsage : IHuntUsage
    {
        public static readonly NoUsage Instance = new();

        public long LastUsed(string accountId) => 0;
    }
}
