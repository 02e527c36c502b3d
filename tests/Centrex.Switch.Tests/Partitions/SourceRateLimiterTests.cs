using System.Net;
using Centrex.Switch.Clock;
using Centrex.Switch.Partitions;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Partitions;

/// <summary>Issue 14: per-source request rate limits, so a flood from one address cannot take the switch from everyone else.</summary>
public sealed class SourceRateLimiterTests
{
    private static readonly IPAddress Flooder = IPAddress.Parse("192.0.2.66");
    private readonly ManualSwitchClock _clock = new(Instant.FromUtc(2026, 12, 5, 9, 0));

    [Fact]
    public void ABurstIsTaken_ThenTheRate_TokensRefillByElapsedTime()
    {
        var limiter = new SourceRateLimiter(new SourceRateLimits(PerSecond: 10, Burst: 20), _clock);

        Assert.Equal(20, Enumerable.Range(0, 100).Count(_ => limiter.TryTake(Flooder)));
        _clock.Advance(Duration.FromMilliseconds(500)); // five more at 10 a second
        Assert.Equal(5, Enumerable.Range(0, 100).Count(_ => limiter.TryTake(Flooder)));
        Assert.True(limiter.TryTake(IPAddress.Parse("192.0.2.67"))); // another address has its own bucket
        Assert.Equal(175, limiter.Limited);
    }

    [Fact]
    public void ASourceThatAuthenticated_GetsTheLargerAllowance()
    {
        var limiter = new SourceRateLimiter(new SourceRateLimits(PerSecond: 10, Burst: 20, AuthenticatedFactor: 10), _clock);
        limiter.TryTake(Flooder);
        limiter.Authenticated(Flooder);
        _clock.Advance(Duration.FromSeconds(20));

        Assert.Equal(200, Enumerable.Range(0, 1_000).Count(_ => limiter.TryTake(Flooder)));
        _clock.Advance(Duration.FromMinutes(11)); // no longer counts as authenticated
        Assert.Equal(20, Enumerable.Range(0, 1_000).Count(_ => limiter.TryTake(Flooder)));
    }

    [Fact]
    public void TheTable_IsBounded_TheLongestIdleGoes()
    {
        var limiter = new SourceRateLimiter(new SourceRateLimits(MaxTrackedSources: 3), _clock);
        for (var i = 1; i <= 10; i++)
        {
            limiter.TryTake(IPAddress.Parse($"192.0.2.{i}"));
        }

        Assert.Equal(3, limiter.Count);
    }

    [Fact]
    public async Task AFloodFromOneAddress_IsLimited_WhileACallFromAnotherCompletes()
    {
        await using var fixture = new SwitchFixture(realTime: true);
        using var flooder = new TestPhone(fixture.Endpoint, "flooder", IPAddress.Parse("127.0.0.2"));
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        using var bob = new TestPhone(fixture.Endpoint, "16045550102");
        using var flood = new CancellationTokenSource();
        var sent = 0;
        // About 20,000 requests a second, 100 times the limit's burst: a flood the switch reads as fast as it comes even
        // on a loaded test host (an unpaced loop can outrun any reader starved of CPU, and then the kernel drops
        // everyone's datagrams at the socket, which no limit in the switch can help).
        var flooding = Task.Run(() =>
        {
            while (!flood.IsCancellationRequested)
            {
                for (var i = 0; i < 100; i++)
                {
                    flooder.Send(flooder.Request("OPTIONS", "sip:centrex.test", $"flood-{Interlocked.Increment(ref sent)}", 1, "f"));
                }

                Thread.Sleep(5);
            }
        });

        try
        {
            var (invite, ok) = Flows.AnsweredCall(alice, bob); // registers bob, calls him, answers, ACKs: all through
            Assert.Equal(200, ok.StatusCode);
            Assert.Equal(SipMethod.Invite, invite.Method);
            Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref sent) > 2_000, TimeSpan.FromSeconds(30))); // the flood outlasts the call
        }
        finally
        {
            await flood.CancelAsync();
            await flooding;
        }

        Flows.Sync(alice, fixture.Switch);
        var answered = flooder.Drain().Count;
        Assert.True(fixture.Switch.Pipeline.Router.RateLimited > 0);
        Assert.True(answered < sent / 2, $"{answered} of {sent} flood requests answered");
    }
}
