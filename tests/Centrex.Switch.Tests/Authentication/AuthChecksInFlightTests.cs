using System.Net;
using Centrex.Switch.Clock;
using Centrex.Switch.Registration;
using NodaTime;

namespace Centrex.Switch.Tests.Authentication;

/// <summary>
/// The bound on one source's credential checks in flight: what keeps a burst of guesses from all being checked before
/// the first failure comes back to be counted, without ever counting a good phone's requests against it.
/// </summary>
public sealed class AuthChecksInFlightTests
{
    private static readonly IPAddress Source = IPAddress.Parse("192.0.2.7");
    private readonly ManualSwitchClock _clock = new(Instant.FromUtc(2026, 12, 5, 9, 0));

    [Fact]
    public void AtMostTheLimitIsInFlight_EachResultMakesRoomForOneMore()
    {
        var checks = new AuthChecksInFlight(new SipAuthLimits { MaxChecksInFlight = 3 }, _clock);

        Assert.Equal(3, Enumerable.Range(0, 100).Count(_ => checks.TryBegin(Source)));
        checks.End(Source);
        Assert.True(checks.TryBegin(Source));
        Assert.False(checks.TryBegin(Source));
        Assert.True(checks.TryBegin(IPAddress.Parse("192.0.2.8"))); // another address has its own
    }

    [Fact]
    public void AnOfficeOfPhones_WhoseChecksComeBack_IsNeverHeldUp()
    {
        var checks = new AuthChecksInFlight(new SipAuthLimits { MaxChecksInFlight = 2 }, _clock);
        for (var request = 0; request < 10_000; request++)
        {
            Assert.True(checks.TryBegin(Source));
            checks.End(Source);
        }

        Assert.Equal(0, checks.Count); // nothing in flight
    }

    [Fact]
    public void APhoneWhoseChecksComeOneAtATime_AllocatesNothingPerRequest()
    {
        var checks = new AuthChecksInFlight(new SipAuthLimits(), _clock);
        checks.TryBegin(Source);
        checks.End(Source); // warm-up: the source's queue is made once

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var request = 0; request < 10_000; request++)
        {
            checks.TryBegin(Source);
            checks.End(Source);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void AFullTable_MakesRoomFromSourcesWithNothingInFlight_ButNotFromSourcesStillChecking()
    {
        var checks = new AuthChecksInFlight(new SipAuthLimits { MaxTrackedSources = 4, CheckTimeout = Duration.FromSeconds(2) }, _clock);
        var idle = Enumerable.Range(1, 4).Select(i => IPAddress.Parse($"198.51.100.{i}")).ToList();
        foreach (var address in idle)
        {
            Assert.True(checks.TryBegin(address));
            checks.End(address);
        }

        Assert.True(checks.TryBegin(IPAddress.Parse("203.0.113.1"))); // the idle sources are swept out

        var busy = Enumerable.Range(2, 3).Select(i => IPAddress.Parse($"203.0.113.{i}")).ToList();
        Assert.All(busy, address => Assert.True(checks.TryBegin(address)));
        Assert.False(checks.TryBegin(IPAddress.Parse("203.0.113.99"))); // four sources checking: no room, no sweep yet

        _clock.Advance(Duration.FromSeconds(2)); // their results were lost: they stop counting
        Assert.True(checks.TryBegin(IPAddress.Parse("203.0.113.99")));
    }

    [Fact]
    public void ACheckWhoseResultWasLost_StopsCountingAfterTheTimeout()
    {
        var checks = new AuthChecksInFlight(new SipAuthLimits { MaxChecksInFlight = 1, CheckTimeout = Duration.FromSeconds(2) }, _clock);
        Assert.True(checks.TryBegin(Source));
        Assert.False(checks.TryBegin(Source));

        _clock.Advance(Duration.FromSeconds(2));
        Assert.True(checks.TryBegin(Source));
    }
}
