using System.Net;
using Centrex.Switch.Clock;
using Centrex.Switch.Registration;
using NodaTime;

namespace Centrex.Switch.Tests.Authentication;

public class AuthFailureTrackerTests
{
    private static readonly IPAddress Attacker = IPAddress.Parse("192.0.2.7");
    private readonly ManualSwitchClock _clock = new(Instant.FromUtc(2026, 11, 22, 9, 0));
    private readonly SipAuthLimits _limits = new() { SlowAfter = 3, BlockAfter = 6 };

    [Fact]
    public void FailuresBelowTheThreshold_AreLookedAt_AndLeaveTheWindow()
    {
        var tracker = new AuthFailureTracker(_limits, _clock);
        Fail(tracker, Attacker, 2);
        _clock.Advance(Duration.FromSeconds(61));
        Fail(tracker, Attacker, 2);

        Assert.Equal(AuthAdmission.Check, tracker.Admit(Attacker)); // 2 within the last 60 s, not 4
    }

    [Fact]
    public void SlowedSource_GetsOneLookPerDoublingDelay_DroppedRequestsAreStrikes_ThenItIsBlockedFor15Minutes()
    {
        var tracker = new AuthFailureTracker(_limits, _clock);
        Fail(tracker, Attacker, 3); // slowed: the next look in 1 s

        Assert.Equal(AuthAdmission.Slowed, tracker.Admit(Attacker)); // strike 4: the delay is now 2 s
        _clock.Advance(Duration.FromSeconds(1));
        Assert.Equal(AuthAdmission.Slowed, tracker.Admit(Attacker)); // strike 5: 4 s
        _clock.Advance(Duration.FromSeconds(4));
        Assert.Equal(AuthAdmission.Check, tracker.Admit(Attacker));
        Assert.True(tracker.Fail(Attacker, "101")); // strike 6: blocked
        Assert.False(tracker.Fail(Attacker, "102")); // a check that was in flight: no new block, no second log line

        Assert.True(tracker.IsBlocked(Attacker));
        Assert.Equal((_clock.Now + Duration.FromMinutes(15), "102"), tracker.Block(Attacker));
        Assert.Equal(AuthAdmission.Blocked, tracker.Admit(Attacker));
        _clock.Advance(Duration.FromMinutes(15));
        Assert.False(tracker.IsBlocked(Attacker));
        Assert.Equal(AuthAdmission.Check, tracker.Admit(Attacker)); // counted afresh
    }

    [Fact]
    public void HammeringWhileSlowed_StartsTheBlock()
    {
        var tracker = new AuthFailureTracker(_limits, _clock);
        Fail(tracker, Attacker, 3);

        Assert.Equal([AuthAdmission.Slowed, AuthAdmission.Slowed, AuthAdmission.BlockStarted, AuthAdmission.Blocked],
            Enumerable.Range(0, 4).Select(_ => tracker.Admit(Attacker)));
    }

    [Fact]
    public void Sources_AreAddressesNotPorts_IPv4MappedIsIPv4_AndIPv6CountsPer64()
    {
        var tracker = new AuthFailureTracker(_limits, _clock);
        Fail(tracker, IPAddress.Parse("::ffff:192.0.2.7"), 3);
        Fail(tracker, IPAddress.Parse("2001:db8:1:2::1"), 2);
        Fail(tracker, IPAddress.Parse("2001:db8:1:2:ffff::9"), 1);

        Assert.Equal(AuthAdmission.Slowed, tracker.Admit(Attacker));
        Assert.Equal(AuthAdmission.Slowed, tracker.Admit(IPAddress.Parse("2001:db8:1:2::77")));
        Assert.Equal(AuthAdmission.Check, tracker.Admit(IPAddress.Parse("2001:db8:1:3::1")));
        Assert.Equal(AuthAdmission.Check, tracker.Admit(IPAddress.Parse("192.0.2.8")));
    }

    [Fact]
    public void Table_IsCapped_TheStalestSourceGoes_AndIdleOnesAreDropped()
    {
        var tracker = new AuthFailureTracker(_limits with { MaxTrackedSources = 2 }, _clock);
        Fail(tracker, IPAddress.Parse("192.0.2.1"), 3);
        _clock.Advance(Duration.FromSeconds(1));
        Fail(tracker, IPAddress.Parse("192.0.2.2"), 1);
        Fail(tracker, IPAddress.Parse("192.0.2.3"), 1);

        Assert.Equal(2, tracker.Count);
        Assert.Equal(AuthAdmission.Check, tracker.Admit(IPAddress.Parse("192.0.2.1"))); // forgotten at the cap

        _clock.Advance(Duration.FromSeconds(61));
        Fail(tracker, IPAddress.Parse("192.0.2.4"), 1);
        Assert.Equal(1, tracker.Count); // the idle ones left before the new one came in
    }

    private static void Fail(AuthFailureTracker tracker, IPAddress address, int times)
    {
        for (var i = 0; i < times; i++)
        {
            tracker.Fail(address, "101");
        }
    }
}
