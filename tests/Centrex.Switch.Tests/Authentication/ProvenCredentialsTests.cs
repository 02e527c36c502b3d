using System.Net;
using System.Text;
using Centrex.Switch.Clock;
using Centrex.Switch.Registration;
using NodaTime;

namespace Centrex.Switch.Tests.Authentication;

/// <summary>
/// A user name that authenticated from an address gets the larger bound on checks in flight there (a busy PBX is not
/// held up when the host stalls); a name that has not, or has failed since, gets the small one (brute force).
/// </summary>
public sealed class ProvenCredentialsTests
{
    private static readonly IPAddress Pbx = IPAddress.Parse("192.0.2.7");
    private readonly ManualSwitchClock _clock = new(Instant.FromUtc(2026, 12, 5, 9, 0));

    [Fact]
    public void ANameIsProvenOnlyWhereItAuthenticated_AndUntilItFailsThere()
    {
        var proven = new ProvenCredentials(new SipAuthLimits(), _clock);
        Assert.False(proven.IsProven(Pbx, "1001"u8));

        proven.Authenticated(Pbx, "1001");
        Assert.True(proven.IsProven(Pbx, "1001"u8));
        Assert.False(proven.IsProven(Pbx, "1002"u8)); // another account guessed from the PBX's address
        Assert.False(proven.IsProven(IPAddress.Parse("192.0.2.8"), "1001"u8)); // the same account from elsewhere

        proven.Failed(Pbx, "1001");
        Assert.False(proven.IsProven(Pbx, "1001"u8));
    }

    [Fact]
    public void StandingLapses_AfterProvenFor()
    {
        var proven = new ProvenCredentials(new SipAuthLimits { ProvenFor = Duration.FromMinutes(30) }, _clock);
        proven.Authenticated(Pbx, "caf\u00e9");
        _clock.Advance(Duration.FromMinutes(29));
        Assert.True(proven.IsProven(Pbx, Encoding.UTF8.GetBytes("caf\u00e9"))); // the name is hashed as its UTF-8 bytes, as the router reads it

        _clock.Advance(Duration.FromMinutes(1));
        Assert.False(proven.IsProven(Pbx, Encoding.UTF8.GetBytes("caf\u00e9")));
    }

    [Fact]
    public void AtTheCap_ExpiredPairsMakeRoom_AndOtherwiseNewOnesAreNotKept()
    {
        var proven = new ProvenCredentials(new SipAuthLimits { MaxTrackedSources = 2, ProvenFor = Duration.FromMinutes(30) }, _clock);
        proven.Authenticated(Pbx, "a");
        proven.Authenticated(Pbx, "b");
        proven.Authenticated(Pbx, "c");
        Assert.Equal((2, false), (proven.Count, proven.IsProven(Pbx, "c"u8)));

        _clock.Advance(Duration.FromMinutes(30));
        proven.Authenticated(Pbx, "c");
        Assert.Equal((1, true), (proven.Count, proven.IsProven(Pbx, "c"u8)));
    }

    [Fact]
    public void ProvenCredentials_GetTheLargerBound_OnTheSameCount()
    {
        var checks = new AuthChecksInFlight(new SipAuthLimits { MaxChecksInFlight = 2, MaxProvenChecksInFlight = 5 }, _clock);
        Assert.Equal(5, Enumerable.Range(0, 100).Count(_ => checks.TryBegin(Pbx, proven: true)));
        Assert.False(checks.TryBegin(Pbx)); // a guess from the busy address: the small bound, on the same count
        Enumerable.Range(0, 4).ToList().ForEach(_ => checks.End(Pbx));
        Assert.True(checks.TryBegin(Pbx));
        Assert.False(checks.TryBegin(Pbx));
    }
}
