using BenchmarkDotNet.Attributes;
using Centrex.Switch.Admission;

namespace Centrex.Bench.Switch;

/// <summary>
/// Site admission: one call admitted on a site with every limit set, then released. Baseline: the least a limit costs,
/// one counter raised with a compare-and-swap against its maximum and lowered again (exact, but for one limit only).
/// </summary>
[MemoryDiagnoser]
public class AdmissionBenchmarks
{
    private const int MaxCalls = 1_000;
    private static readonly AdmissionRequest Request = new("HQ", CallDirection.Outgoing, Forwarded: true, BandwidthBps: 87_200);
    private readonly SiteAdmission _sites = new(
    [
        new SiteLimits("HQ", MaxCalls, 600, 600, 100, 100_000, 60_000, 60_000),
        new SiteLimits("Branch", 30),
    ]);

    private int _counter;

    [Benchmark(Baseline = true)]
    public bool OneCounterCas()
    {
        var current = Volatile.Read(ref _counter);
        while (current < MaxCalls)
        {
            var seen = Interlocked.CompareExchange(ref _counter, current + 1, current);
            if (seen == current)
            {
                Interlocked.Decrement(ref _counter);
                return true;
            }

            current = seen;
        }

        return false;
    }

    [Benchmark]
    public bool AdmitAndRelease()
    {
        if (!_sites.TryAdmit(Request, out var call, out _))
        {
            return false;
        }

        return call.Release();
    }

    [Benchmark]
    public bool AdmitRenegotiateRelease()
    {
        if (!_sites.TryAdmit(Request, out var call, out _))
        {
            return false;
        }

        call.TryChangeBandwidth(31_200, out _);
        return call.Release();
    }
}
