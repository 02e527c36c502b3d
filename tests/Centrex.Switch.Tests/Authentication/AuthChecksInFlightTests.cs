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

        Assert.Equal(0, checks.Count); // nothing in flight: nothing kept
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
