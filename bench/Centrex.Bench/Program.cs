using BenchmarkDotNet.Running;

namespace Centrex.Bench;

/// <summary>
/// Entry point for every benchmark in the suite: <c>dotnet run -c Release --project bench/Centrex.Bench -- --filter '*'</c>.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["sip-parse-loop", var count])
        {
            // For profilers (perf record): parse the typical INVITE in a loop, no harness around it.
            var bench = new Switch.SipParserBenchmarks();
            bench.Setup();
            var n = int.Parse(count, System.Globalization.CultureInfo.InvariantCulture);
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

            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < n; i++)
            {
                total += bench.ParseAndReadAll();
            }

            var wall = watch.Elapsed;
            cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine($"{n:N0} INVITEs in {wall.TotalMilliseconds:N0} ms = {wall.TotalMilliseconds * 1e6 / n:N0} ns each, "
                + $"{cpu.TotalMilliseconds * 1e6 / n:N0} ns of process CPU each ({total})");
            return;
        }

        if (args is ["ledger-open", var folder])
        {
            Ledger.DurableLedgerBench.Reopen(folder, "recovery of an existing ledger");
            return;
        }

        if (args is ["ledger", .. var rest])
        {
            Ledger.DurableLedgerBench.Run(rest);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
