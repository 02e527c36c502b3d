using Centrex.Switch.Clock;
using Centrex.Switch.Registration;
using NodaTime;

namespace Centrex.Switch.Tests.Authentication;

public class NonceCounterTests
{
    private static readonly Duration Lifetime = Duration.FromMinutes(5);
    private readonly ManualSwitchClock _clock = new(Instant.FromUtc(2026, 11, 22, 9, 0));

    [Fact]
    public void Use_CountsMustRise_AndANonceWithoutQopIsGoodOnce()
    {
        var counter = new NonceCounter(_clock, Lifetime, 10);
        var issued = _clock.Now;

        Assert.Equal(NonceUse.Accepted, counter.Use("a", issued, 1));
        Assert.Equal(NonceUse.Accepted, counter.Use("a", issued, 3));
        Assert.Equal(NonceUse.Replayed, counter.Use("a", issued, 3));
        Assert.Equal(NonceUse.Replayed, counter.Use("a", issued, 2));
        Assert.Equal(NonceUse.Replayed, counter.Use("a", issued, null));
        Assert.Equal(NonceUse.Accepted, counter.Use("b", issued, null));
        Assert.Equal(NonceUse.Replayed, counter.Use("b", issued, null));
        Assert.Equal(NonceUse.Replayed, counter.Use("b", issued, uint.MaxValue));
    }

    [Fact]
    public void Entries_ExpireWithTheirNonce()
    {
        var counter = new NonceCounter(_clock, Lifetime, 10);
        counter.Use("a", _clock.Now, 1);
        counter.Use("b", _clock.Now + Duration.FromMinutes(1), 1);

        _clock.Advance(Lifetime + Duration.FromSeconds(1));
        counter.Use("c", _clock.Now, 1);

        Assert.Equal(2, counter.Count); // "a" is gone: past its lifetime the authenticator answers it stale
    }

    [Fact]
    public void AtCapacity_TheOldestIssuedIsForgotten_AndNothingIssuedUpToItIsAcceptedAgain()
    {
        var counter = new NonceCounter(_clock, Lifetime, 2);
        var t0 = _clock.Now;
        counter.Use("a", t0, 1);
        counter.Use("b", t0 + Duration.FromSeconds(2), 1);

        Assert.Equal(NonceUse.Accepted, counter.Use("c", t0 + Duration.FromSeconds(3), 1)); // "a" is forgotten to make room
        Assert.Equal(2, counter.Count);
        Assert.Equal(NonceUse.Forgotten, counter.Use("a", t0, 1)); // its replay is not accepted: answered stale
        Assert.Equal(NonceUse.Forgotten, counter.Use("d", t0, 1)); // nor any nonce issued as early
        Assert.Equal(NonceUse.Replayed, counter.Use("b", t0 + Duration.FromSeconds(2), 1));
    }
}
