using Centrex.Switch.Admission;

namespace Centrex.Switch.Tests.Admission;

/// <summary>
/// Many threads admitting, re-negotiating and releasing calls on the same sites at once: every limit holds at every
/// moment (checked by the callers themselves and by snapshots taken concurrently), and everything returns to zero.
/// </summary>
public sealed class SiteAdmissionConcurrencyTests
{
    private const int Threads = 8;
    private const int CallsPerThread = 10_000;

    /// <summary>Each thread keeps up to this many calls up at once (ringing or connected): more than a site allows, so refusals are certain.</summary>
    private const int HeldPerThread = 8;

    private static readonly SiteLimits Hq = new("HQ", MaxCalls: 6, MaxIncomingCalls: 4, MaxOutgoingCalls: 4, MaxForwardedCalls: 2,
        MaxBandwidthKbps: 400, MaxIncomingBandwidthKbps: 300, MaxOutgoingBandwidthKbps: 250);

    private static readonly SiteLimits DefaultLimits = new(SiteAdmission.DefaultSiteName, MaxCalls: 3);

    [Fact]
    public void ManyThreads_AdmitAdjustRelease_NoLimitEverExceededAndAllCountersBackToZero()
    {
        var sites = new SiteAdmission([Hq, DefaultLimits]);
        var holding = new int[2]; // connected calls the workers believe are up: HQ, Default
        var maxHeld = new int[2];
        var admitted = 0L;
        var refused = 0L;
        var violations = 0;
        using var start = new Barrier(Threads + 1);
        var done = 0;

        var workers = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            var random = new Random(t);
            var held = new Queue<(CallAdmission Call, int Site)>();
            start.SignalAndWait();
            for (var i = 0; i < CallsPerThread; i++)
            {
                var siteIndex = random.Next(4) == 0 ? 1 : 0;
                var site = siteIndex == 0 ? "HQ" : null;
                var direction = random.Next(2) == 0 ? CallDirection.Incoming : CallDirection.Outgoing;
                var request = new AdmissionRequest(site, direction, random.Next(3) == 0, random.Next(2) == 0 ? 87_200 : 31_200);
                if (sites.TryAdmit(request, out var call, out var refusal))
                {
                    Interlocked.Increment(ref admitted);

                    // Most calls are answered (seed 004 counts connected calls); a borrowing one may not fit then.
                    if (random.Next(3) != 0 && call.TryConnect(out _))
                    {
                        InterlockedMax(ref maxHeld[siteIndex], Interlocked.Increment(ref holding[siteIndex]));
                    }

                    if (random.Next(2) == 0)
                    {
                        call.TryChangeBandwidth(random.Next(2) == 0 ? 31_200 : 87_200, out _);
                    }

                    if (!WithinLimits(sites.Usage(site), siteIndex == 0 ? Hq : DefaultLimits))
                    {
                        Interlocked.Increment(ref violations);
                    }

                    held.Enqueue((call, siteIndex));
                }
                else
                {
                    Assert.NotEqual(AdmissionLimit.None, refusal.Limit);
                    Interlocked.Increment(ref refused);
                }

                if (held.Count >= HeldPerThread || (held.Count > 0 && random.Next(3) == 0))
                {
                    var (oldest, oldestSite) = held.Dequeue();
                    if (oldest.IsConnected)
                    {
                        Interlocked.Decrement(ref holding[oldestSite]);
                    }

                    // Every end path may release: BYE and a late timeout racing each other release once.
                    if (random.Next(8) == 0)
                    {
                        Parallel.Invoke(() => oldest.Release(), () => oldest.Release());
                    }
                    else
                    {
                        oldest.Release();
                        oldest.Release();
                    }
                }
            }

            while (held.TryDequeue(out var rest))
            {
                if (rest.Call.IsConnected)
                {
                    Interlocked.Decrement(ref holding[rest.Site]);
                }

                rest.Call.Release();
            }
        })).ToList();
        var observer = new Thread(() =>
        {
            start.SignalAndWait();
            while (Volatile.Read(ref done) == 0)
            {
                if (!WithinLimits(sites.Usage("HQ"), Hq) || sites.Usage(null).Calls > 3)
                {
                    Interlocked.Increment(ref violations);
                }
            }
        });

        workers.ForEach(w => w.Start());
        observer.Start();
        workers.ForEach(w => w.Join());
        Volatile.Write(ref done, 1);
        observer.Join();

        Assert.Equal(0, violations);
        Assert.True(maxHeld[0] <= Hq.MaxCalls, $"HQ held {maxHeld[0]} calls at once");
        Assert.True(maxHeld[1] <= 3, $"Default held {maxHeld[1]} calls at once");
        Assert.True(admitted > 0 && refused > 0, $"admitted {admitted}, refused {refused}: the test must exercise both");
        Assert.Equal(Threads * (long)CallsPerThread, admitted + refused);
        Assert.True(sites.Usage("HQ").IsIdle, sites.Usage("HQ").ToString());
        Assert.True(sites.Usage(null).IsIdle, sites.Usage(null).ToString());
    }

    private static bool WithinLimits(SiteUsage usage, SiteLimits limits) =>
        usage.Calls <= (limits.MaxCalls ?? int.MaxValue)
        && usage.IncomingCalls <= (limits.MaxIncomingCalls ?? int.MaxValue)
        && usage.OutgoingCalls <= (limits.MaxOutgoingCalls ?? int.MaxValue)
        && usage.ForwardedCalls <= (limits.MaxForwardedCalls ?? int.MaxValue)
        && usage.BandwidthBps <= (limits.MaxBandwidthKbps ?? int.MaxValue) * 1000L
        && usage.IncomingBandwidthBps <= (limits.MaxIncomingBandwidthKbps ?? int.MaxValue) * 1000L
        && usage.OutgoingBandwidthBps <= (limits.MaxOutgoingBandwidthKbps ?? int.MaxValue) * 1000L
        && usage.ConnectedCalls <= usage.Calls && usage.BorrowingCalls >= 0
        && usage.Calls >= 0 && usage.BandwidthBps >= 0 && usage.IncomingBandwidthBps >= 0 && usage.OutgoingBandwidthBps >= 0;

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
