using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;

namespace Centrex.Bench.Switch;

/// <summary>
/// <c>sip-parse-ab OLD_DIR NEW_DIR [PAIRS]</c>: two builds of the benchmark (each directory holds a Centrex.Bench.dll
/// and its Centrex.Switch.dll, e.g. one built from an older commit), loaded side by side into one process, their
/// <see cref="SipParserBenchmarks.ParseAndReadAll"/> timed in alternating 10,000-parse segments. This host's speed
/// moves by up to 2× from minute to minute; two segments taken back to back see the same speed, so the median of the
/// per-pair ratios compares the two parsers where separate runs cannot.
/// </summary>
public static class SipParseComparison
{
    private const int Segment = 10_000;

    public static void Run(string oldDirectory, string newDirectory, int pairs)
    {
        var parse = new[] { Load(oldDirectory, "old"), Load(newDirectory, "new") };
        long total = 0;

        // Warm up both in rounds with pauses, so tiered compilation has settled for each before timing.
        for (var round = 0; round < 6; round++)
        {
            foreach (var p in parse)
            {
                for (var i = 0; i < 30_000; i++)
                {
                    total += p();
                }
            }

            Thread.Sleep(250);
        }

        var oldNanos = new double[pairs];
        var newNanos = new double[pairs];
        var ratios = new double[pairs];
        var watch = new Stopwatch();
        for (var pair = 0; pair < pairs; pair++)
        {
            // Alternate which goes first, so neither always runs right after the other's cache footprint.
            var first = pair % 2;
            var nanos = new double[2];
            for (var k = 0; k < 2; k++)
            {
                var which = (first + k) % 2;
                var p = parse[which];
                watch.Restart();
                for (var i = 0; i < Segment; i++)
                {
                    total += p();
                }

                nanos[which] = watch.Elapsed.TotalNanoseconds / Segment;
            }

            oldNanos[pair] = nanos[0];
            newNanos[pair] = nanos[1];
            ratios[pair] = nanos[1] / nanos[0];
        }

        Array.Sort(oldNanos);
        Array.Sort(newNanos);
        Array.Sort(ratios);
        Console.WriteLine($"{pairs} pairs of {Segment:N0} INVITEs ({total % 10})");
        Console.WriteLine($"old: best {oldNanos[0]:N0} ns, median {Median(oldNanos):N0} ns");
        Console.WriteLine($"new: best {newNanos[0]:N0} ns ({1e9 / newNanos[0]:N0}/s), median {Median(newNanos):N0} ns");
        Console.WriteLine($"new/old per pair: median {Median(ratios):F3} (quartiles {ratios[pairs / 4]:F3}–{ratios[pairs * 3 / 4]:F3})");
    }

    private static double Median(double[] sorted) => sorted[sorted.Length / 2];

    /// <summary>The build's ParseAndReadAll, from its own load context so both builds' assemblies coexist.</summary>
    private static Func<int> Load(string directory, string name)
    {
        var context = new BuildLoadContext(name, directory);
        var bench = context.LoadFromAssemblyPath(Path.GetFullPath(Path.Combine(directory, "Centrex.Bench.dll")))
            .GetType(typeof(SipParserBenchmarks).FullName!, throwOnError: true)!;
        var instance = Activator.CreateInstance(bench)!;
        bench.GetMethod(nameof(SipParserBenchmarks.Setup))!.Invoke(instance, null);
        return bench.GetMethod(nameof(SipParserBenchmarks.ParseAndReadAll), BindingFlags.Public | BindingFlags.Instance)!
            .CreateDelegate<Func<int>>(instance);
    }

    /// <summary>Loads the project's own assemblies from one build directory (the framework is shared).</summary>
    private sealed class BuildLoadContext(string name, string directory) : AssemblyLoadContext(name)
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var path = Path.GetFullPath(Path.Combine(directory, assemblyName.Name + ".dll"));
            return assemblyName.Name!.StartsWith("Centrex", StringComparison.Ordinal) && File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
