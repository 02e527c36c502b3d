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
            var watch = System.Diagnostics.Stopwatch.StartNew();
            long total = 0;
            for (var i = 0; i < n; i++)
            {
                total += bench.ParseAndReadAll();
            }

            Console.WriteLine($"{n:N0} INVITEs in {watch.Elapsed.TotalMilliseconds:N0} ms = {watch.Elapsed.TotalMilliseconds * 1e6 / n:N0} ns each ({total})");
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
