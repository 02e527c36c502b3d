using System.Diagnostics;
using System.Globalization;
using System.Text;
using Centrex.Ledger;
using Centrex.Ledger.Journal;
using Centrex.Rating.Numbering;

namespace Centrex.Bench.Ledger;

/// <summary>
/// The durable ledger's figures, timed with a stopwatch on real files (BenchmarkDotNet's repeated iterations do not
/// fit a store that grows): rated CDRs appended and group-committed (throughput, commit latency p50/p99), then the
/// time to reopen the store with its checkpoint and without one (every entry replayed).
/// <c>dotnet run -c Release --project bench/Centrex.Bench -- ledger [cdrs] [group] [folder]</c>; <c>-- ledger-open FOLDER</c>
/// times opening (recovering) an existing ledger.
/// </summary>
internal static class DurableLedgerBench
{
    public static void Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000_000;
        var group = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var folder = args.Length > 2 ? args[2] : Path.Combine("bench", "data", "ledger-bench");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Console.WriteLine($"encoding {count:N0} rated CDRs (1,000 accounts) ...");
        var entries = Encode(count);
        if (Environment.GetEnvironmentVariable("CENTREX_BENCH_STEPS") == "1")
        {
            Directory.CreateDirectory(folder);
            LedgerStepProbe.Run(entries, count, folder);
            return;
        }
        var commits = new List<double>(count / group + 1);
        var requested = new Queue<(long Until, long At)>();
        var total = Stopwatch.StartNew();
        // No checkpoints by default (the issue 5 figure); CENTREX_BENCH_CHECKPOINT_ENTRIES=N checkpoints every N entries as
        // serve and rate do, and with them the id registry seals its CDR ids to disk every CENTREX_IDS_IN_MEMORY (issue 14).
        var options = new LedgerOptions { CheckpointEveryEntries = long.MaxValue, CheckpointInterval = TimeSpan.MaxValue };
        if (long.TryParse(Environment.GetEnvironmentVariable("CENTREX_BENCH_CHECKPOINT_ENTRIES"), out var checkpointEntries))
        {
            options = options with { CheckpointEveryEntries = checkpointEntries };
        }

        if (long.TryParse(Environment.GetEnvironmentVariable("CENTREX_IDS_IN_MEMORY"), out var idsInMemory))
        {
            options = options with { CallIdsInMemory = idsInMemory };
        }

        using (var store = LedgerStore.Open(folder, options))
        {
            var writer = store.Writer;
            var offset = 0;
            var ahead = 0;
            const int PrefetchDistance = 8;
            for (var i = 0; i < Math.Min(PrefetchDistance, count); i++)
            {
                ahead = PrefetchAt(writer, entries, ahead);
            }

            total.Restart();
            for (var i = 0; i < count; i++)
            {
                if (i + PrefetchDistance < count)
                {
                    ahead = PrefetchAt(writer, entries, ahead);
                }

                var length = BitConverter.ToInt32(entries, offset);
                if (writer.TryAppendEncodedCdr(entries.AsSpan(offset + 4, length)) != CdrAppend.Appended)
                {
                    throw new InvalidOperationException("unexpected duplicate");
                }

                offset += 4 + length;
                if ((i + 1) % group == 0)
                {
                    // Pipelined group commit: request, go on appending, and count a commit done when it is applied.
                    requested.Enqueue((writer.RequestCommit(), Stopwatch.GetTimestamp()));
                    Drain(writer.CompleteCommits(), requested, commits);
                    if (commits.Count % 50 == 0 && commits.Count > 0)
                    {
                        Console.WriteLine($"  {i + 1,12:N0} appended  {(i + 1) / total.Elapsed.TotalSeconds,12:N0} CDRs/s");
                    }
                }
            }

            requested.Enqueue((writer.RequestCommit(), Stopwatch.GetTimestamp()));
            writer.Commit();
            Drain(writer.AppliedUntil, requested, commits);
            total.Stop();
            commits.Sort();
            Console.WriteLine();
            Console.WriteLine($"durable rating: {count:N0} CDRs in {total.Elapsed.TotalSeconds:F2} s = {count / total.Elapsed.TotalSeconds:N0} CDRs/s (pipelined group commit every {group:N0})");
            Console.WriteLine($"commit latency (request to applied): p50 {Percentile(commits, 0.50):F2} ms, p99 {Percentile(commits, 0.99):F2} ms, max {commits[^1]:F2} ms over {commits.Count:N0} commits");
            var checkpoint = Stopwatch.StartNew();
            writer.Checkpoint();
            Console.WriteLine($"checkpoint: {checkpoint.Elapsed.TotalMilliseconds:N0} ms");
        }

        Reopen(folder, "recovery with a checkpoint");
        foreach (var derived in new[] { "state", "ids" })
        {
            Directory.Delete(Path.Combine(folder, "ledger", derived), recursive: true);
        }

        Reopen(folder, "recovery without a checkpoint (every journal entry replayed)");
        Console.WriteLine($"journal: {DirectorySize(Path.Combine(folder, "ledger", "journal")) / 1e6:N0} MB");
    }

    private static int PrefetchAt(LedgerWriter writer, byte[] entries, int offset)
    {
        var length = BitConverter.ToInt32(entries, offset);
        writer.Prefetch(entries.AsSpan(offset + 4, length));
        return offset + 4 + length;
    }

    private static void Drain(long applied, Queue<(long Until, long At)> requested, List<double> commits)
    {
        while (requested.TryPeek(out var r) && r.Until <= applied)
        {
            requested.Dequeue();
            commits.Add(Stopwatch.GetElapsedTime(r.At).TotalMilliseconds);
        }
    }

    public static void Reopen(string folder, string what)
    {
        var open = Stopwatch.StartNew();
        using var store = LedgerStore.Open(folder);
        Console.WriteLine($"{what}: {open.Elapsed.TotalSeconds:F2} s ({store.Recovery})");
    }

    private static byte[] Encode(int count)
    {
        var buffer = new Centrex.Rating.Csv.ByteBuffer(count * 140);
        var scratch = new Centrex.Rating.Csv.ByteBuffer(512);
        Span<byte> id = stackalloc byte[13];
        Span<byte> account = stackalloc byte[8];
        for (var i = 0; i < count; i++)
        {
            Encoding.ASCII.GetBytes($"cdr-{i:D9}", id);
            Encoding.ASCII.GetBytes($"ACC-{i % 1000:D4}", account);
            scratch.Clear();
            var length = RatedCdrCodec.Write(new RatedCdrFields(id, account, "+14165550100"u8, "12125551234"u8,
                1_792_065_600 + i, 0, 60 + (i % 600), 60 + (i % 600), NumberClass.Domestic, "1212"u8, "USA - New York"u8, 12 + (i % 90), 0), scratch);
            BitConverter.TryWriteBytes(buffer.GetSpan(4), length);
            buffer.Advance(4);
            scratch.Written.CopyTo(buffer.GetSpan(length));
            buffer.Advance(length);
        }

        return buffer.Written.ToArray();
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static long DirectorySize(string folder) => new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
}
