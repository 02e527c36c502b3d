using Centrex.Switch.CallFlows;
using Centrex.Switch.Calls;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Clock;
using Centrex.Switch.Tests.Hooks;
using Centrex.Switch.Tests.Support;
using NodaTime;
using Steps = Centrex.Switch.Tests.Support.Flows;

namespace Centrex.Switch.Tests.CallFlows;

/// <summary>
/// Least-used hunting (seed 004: "sorts the phone lines ... beginning with their last usage") across a restart: the
/// switch is wired as <c>serve</c> wires it (CDRs stored in the data directory), members answer in a known order, the
/// switch stops, and a new one on the same data directory, given the usage <c>serve</c> rebuilds from the CDR store
/// (<see cref="HuntUsageHistory.Load(string, Instant)"/>), rings the member used longest ago first, not the listed first.
/// </summary>
public sealed class LeastUsedRestartTests : IDisposable
{
    private static readonly string[] Members = ["201", "202", "203"];
    private readonly TempFolder _data = new();
    private readonly ManualSwitchClock _clock = new(Instant.FromUtc(2026, 12, 5, 9, 0));
    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(1));

    public void Dispose()
    {
        _guard.Dispose();
        _data.Dispose();
    }

    private HookedSwitch Start(SwitchOptions? options = null)
    {
        var fixture = new HookedSwitch(_clock, ledgerDirectory: _data.Path, directoryJson: HuntLines.DirectoryJson(Members), options: options);
        var d = fixture.Directory;
        var group = new HuntGroupPlan("acme", "300", "Group 300", HuntSequence.LeastUsed, HuntCallerId.Keep, false, null,
            [.. Members.Select(e => FeatureDirectory.Member(d, "acme", e, 10))], []);
        fixture.Live.Replace(new FeatureDirectory(d, "acme", DateTimeZone.Utc, [group]));
        return fixture;
    }

    private static (TestPhone Caller, Dictionary<string, TestPhone> Phones) Phones(HookedSwitch fixture)
    {
        var caller = new TestPhone(fixture.Endpoint, HuntLines.Caller);
        var phones = Members.ToDictionary(e => e, e => new TestPhone(fixture.Endpoint, HuntLines.Line(e)));
        foreach (var phone in phones.Values)
        {
            Assert.Equal(200, Steps.Register(phone).StatusCode);
        }

        return (caller, phones);
    }

    /// <summary>A call to the group that the members in <paramref name="busy"/> refuse, one by one, before <paramref name="answers"/> answers.</summary>
    private void CallAnsweredBy(TestPhone caller, Dictionary<string, TestPhone> phones, string answers, params string[] busy)
    {
        _clock.Advance(Duration.FromMinutes(1));
        Steps.Invite(caller, "300");
        foreach (var extension in busy)
        {
            HuntLines.Busy(phones[extension]);
        }

        HuntLines.HangUp(caller, HuntLines.Answer(phones[answers], caller, "a" + answers), phones[answers]);
    }

    [Fact]
    public async Task AfterARestartOnTheSameData_TheMemberUsedLongestAgoRingsFirst()
    {
        await using (var first = Start())
        {
            var (caller, phones) = Phones(first);
            using (caller)
            {
                // Listed order while nobody is used: 201 (09:01), then the never-used 202 (09:02) and 203 (09:03); then
                // 201 again, the longest idle (09:04). Least used is now 202, 203, 201: not the listed order.
                CallAnsweredBy(caller, phones, "201");
                CallAnsweredBy(caller, phones, "202");
                CallAnsweredBy(caller, phones, "203");
                CallAnsweredBy(caller, phones, "201");
                Steps.Sync(caller, first.Switch);
                first.WaitForCdrs(_guard.Token);
            }

            foreach (var phone in phones.Values)
            {
                phone.Dispose();
            }
        }

        var usage = HuntUsageHistory.Load(_data.Path, _clock.Now);
        Assert.Equal(
            [Instant.FromUtc(2026, 12, 5, 9, 2), Instant.FromUtc(2026, 12, 5, 9, 3), Instant.FromUtc(2026, 12, 5, 9, 4)],
            new[] { "202", "203", "201" }.Select(e => Instant.FromUnixTimeTicks(usage[HuntLines.Line(e)])));

        await using var second = Start(new SwitchOptions { HuntUsage = usage });
        var (again, phonesAgain) = Phones(second);
        using (again)
        {
            // 202 (09:02) rings first, then 203 (09:03), then 201 (09:04); each busy moves on to the next.
            _clock.Advance(Duration.FromMinutes(1));
            Steps.Invite(again, "300");
            HuntLines.Busy(phonesAgain["202"]);
            HuntLines.Busy(phonesAgain["203"]);
            HuntLines.Busy(phonesAgain["201"]);
            Assert.Equal(486, HuntLines.Final(again, "300"));
            Steps.Sync(again, second.Switch);
            Assert.All(phonesAgain.Values, p => Assert.DoesNotContain(p.Drain(), m => m.IsRequest));

            // What connects after the start counts over what the CDRs said: 202 is busy (a busy line is not used), 203
            // answers (09:06) and goes last; 202 (09:02) and 201 (09:04) ring before it.
            CallAnsweredBy(again, phonesAgain, "203", "202");
            _clock.Advance(Duration.FromMinutes(1));
            Steps.Invite(again, "300");
            HuntLines.Busy(phonesAgain["202"]);
            HuntLines.Busy(phonesAgain["201"]);
            HuntLines.Busy(phonesAgain["203"]);
            Assert.Equal(486, HuntLines.Final(again, "300"));
        }

        foreach (var phone in phonesAgain.Values)
        {
            phone.Dispose();
        }
    }
}
