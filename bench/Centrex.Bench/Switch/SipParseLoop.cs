namespace Centrex.Bench.Switch;

/// <summary>
/// <c>sip-parse-loop N</c>: the parser benchmark's <see cref="SipParserBenchmarks.ParseAndReadAll"/> in a bare loop,
/// no harness around it, for profilers (<c>perf record</c>) and for interleaved old/new comparisons.
/// </summary>
public static class SipParseLoop
{
    public static void Run(int n)
    {
        var bench = new SipParserBenchmarks();
        bench.Setup();
        long total = 0;

        // Warm up in rounds with pauses, so tiered compilation (and PGO) has settled before the timed loop even
        // under valgrind, where instruction counts of two loop lengths are compared.
        for (var round = 0; round < 5; round++)
        {
            for (var i = 0; i < 20_000; i++)
            {
                total += bench.ParseAndReadAll();
            }

            Thread.Sleep(300);
        }

        // Timed in 50 segments: this host's speed moves from minute to minute (another guest's load is time
        // taken from this one, never given), so the best segment is the code's speed and the median the typical one.
        const int Segments = 50;
        var perSegment = Math.Max(1, n / Segments);
        var nanos = new double[Segments];
        var watch = new System.Diagnostics.Stopwatch();
        for (var s = 0; s < Segments; s++)
        {
            watch.Restart();
            for (var i = 0; i < perSegment; i++)
            {
                total += bench.ParseAndReadAll();
            }

            nanos[s] = watch.Elapsed.TotalNanoseconds / perSegment;
        }

        Array.Sort(nanos);
        Console.WriteLine($"{perSegment * Segments:N0} INVITEs in {Segments} segments: best {nanos[0]:N0} ns each "
            + $"({1e9 / nanos[0]:N0}/s), median {nanos[Segments / 2]:N0} ns, worst {nanos[^1]:N0} ns ({total})");
    }
}
