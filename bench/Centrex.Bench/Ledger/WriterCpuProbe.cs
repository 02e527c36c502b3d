using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Centrex.Ledger;
using Centrex.Ledger.Journal;
using Centrex.Rating.Numbering;

namespace Centrex.Bench.Ledger;

/// <summary>
/// The ledger writer's CPU per new CDR, apart from HTTP, parsing and rating (issue 16's ingestion target): opens the
/// ledger of a data directory as serve does (provisioned accounts' zones, the state sized to them), and applies new
/// rated calls the way serve's ingestion does (per batch: <c>FindBatch</c>, each call's <c>TryAppendEncodedCdr</c>,
/// <c>AppendBatch</c>; a commit per group of batches), timing the thread's own CPU (CLOCK_THREAD_CPUTIME_ID). The calls
/// are encoded before the clock starts, as the request threads encode them.
/// <code>
/// Centrex.Bench.dll writer-cpu DATA prepare ACCOUNTS CALLS     # a synthetic ledger: CALLS calls over ACC-1001.. (2026-10/11)
/// Centrex.Bench.dll writer-cpu DATA run ACCOUNTS CALLS TAG [BATCH] [GROUP]   # two commits untimed, then CALLS timed: new ids TAG-..., 2026-12
/// </code>
/// Run it on a copy of a data directory: it appends to the journal.
/// </summary>
internal static partial class WriterCpuProbe
{
    public static void Run(string data, string[] args)
    {
        var mode = args[0];
        var accounts = int.Parse(args[1], CultureInfo.InvariantCulture);
        var calls = int.Parse(args[2], CultureInfo.InvariantCulture);
        var tag = args.Length > 3 ? args[3] : "prep";
        var batch = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 100_000;
        var group = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 4;
        var zones = AccountZones(data);
        if (zones.Count == 0)
        {
            var toronto = NodaTime.DateTimeZoneProviders.Tzdb["America/Toronto"];
            zones = Enumerable.Range(0, accounts).ToDictionary(i => $"ACC-{1001 + i}", _ => toronto, StringComparer.Ordinal);
        }

        var options = new LedgerOptions { AccountZones = zones, StateAccounts = zones.Count, StateRebuildProgress = Console.Error.WriteLine };
        var open = Stopwatch.StartNew();
        using var store = LedgerStore.Open(data, options);
        Console.WriteLine($"opened in {open.Elapsed.TotalSeconds:F1} s: {store.Recovery}; registry {store.Writer.Registry}");
        if (mode == "prepare")
        {
            // Two months of history, 1 M calls at a time (encoding them all at once would not fit a small host).
            for (var done = 0; done < calls; done += 1_000_000)
            {
                var n = Math.Min(1_000_000, calls - done);
                var (entries, offsets) = Encode("prep", done, n, accounts, 1_790_812_800 + (done / 100)); // 2026-10-01 on
                Apply(store.Writer, entries, offsets, tag + "-" + done, batch, group);
                Console.WriteLine($"  {done + n:N0} calls; registry {store.Writer.Registry}");
            }

            return;
        }

        // Two commits' worth untimed first, so the timed calls run the optimized code and the grown tables (each of the
        // writer's two pending-totals sets used once) that a long-running serve has.
        var (warmEntries, warmOffsets) = Encode(tag + "w", 0, Math.Max(calls / 5, 2 * group * batch), accounts, 1_796_083_200);
        Apply(store.Writer, warmEntries, warmOffsets, tag + "w", batch, group);
        var (newEntries, newOffsets) = Encode(tag, 0, calls, accounts, 1_796_083_200); // 2026-12-01

        // A started ledger builds its combined filter over the sealed ids in the background (serve's warm-up finds it
        // built): time the writer with it, as a serve that has run a while has it.
        var cover = Stopwatch.StartNew();
        var (filterBytes, covered, sealedUntil) = store.Writer.WaitForCombinedFilter();
        Console.WriteLine($"combined filter: {filterBytes / 1048576.0:F0} MiB over ids up to {covered:N0} of {sealedUntil:N0}, waited {cover.Elapsed.TotalSeconds:F1} s");
        GC.Collect();
        var cpu0 = ThreadCpu();
        var wall = Stopwatch.StartNew();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        Apply(store.Writer, newEntries, newOffsets, tag, batch, group);
        var cpu = ThreadCpu() - cpu0;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"writer-cpu {tag}: {calls:N0} new calls, batches of {batch:N0}, {group} a commit: thread CPU {cpu:F3} s = {cpu * 1e6 / calls:F3} us/CDR; wall {wall.Elapsed.TotalSeconds:F2} s; allocated {allocated / (double)calls:F1} B/CDR; registry {store.Writer.Registry}"));
    }

    // As serve's LedgerSettings.AccountZones: each provisioned account's customer zone (what sizes the state and dates the calls).
    private static Dictionary<string, NodaTime.DateTimeZone> AccountZones(string data)
    {
        if (!File.Exists(Path.Combine(data, Provisioning.Store.ProvisioningStore.FileName)))
        {
            return [];
        }

        using var store = Provisioning.Store.ProvisioningStore.Open(data);
        var snapshot = store.Load();
        var customers = snapshot.Customers.ToDictionary(c => c.Id, c => NodaTime.DateTimeZoneProviders.Tzdb[c.TimeZone], StringComparer.Ordinal);
        return snapshot.Accounts.ToDictionary(a => a.Id, a => customers[a.CustomerId], StringComparer.Ordinal);
    }

    // WRITER_PREFETCH=N: the caller hints each call N calls ahead (LedgerWriter.Prefetch), as the file run does and serve's
    // ingestion does not.
    private static readonly int Lookahead = int.TryParse(Environment.GetEnvironmentVariable("WRITER_PREFETCH"), out var n) ? n : 0;

    private static void Apply(LedgerWriter writer, byte[] entries, int[] offsets, string tag, int batch, int group)
    {
        var count = offsets.Length - 1;
        var batches = 0;
        for (var start = 0; start < count; start += batch)
        {
            var key = $"{tag}-batch-{start}";
            if (writer.FindBatch(key) is not null)
            {
                throw new InvalidOperationException($"batch {key} was applied before");
            }

            var end = Math.Min(count, start + batch);
            var rows = new BatchRow[end - start];
            for (var i = start; i < end; i++)
            {
                if (Lookahead > 0 && i + Lookahead < end)
                {
                    writer.Prefetch(entries.AsSpan(offsets[i + Lookahead], offsets[i + Lookahead + 1] - offsets[i + Lookahead]));
                }

                var entry = entries.AsSpan(offsets[i], offsets[i + 1] - offsets[i]);
                var appended = writer.TryAppendEncodedCdr(entry);
                if (appended != CdrAppend.Appended)
                {
                    throw new InvalidOperationException($"call {i} was {appended}");
                }

                rows[i - start] = new BatchRow(BatchOutcome.Rated, new Centrex.Rating.Money.Mills(RatedCdrCodec.NetMills(entry)));
            }

            writer.AppendBatch(new AcceptedBatch(key, UInt128.One, rows));
            if (++batches % group == 0)
            {
                writer.Commit();
            }
        }

        writer.Commit();
    }

    private static (byte[] Entries, int[] Offsets) Encode(string tag, int first, int count, int accounts, long start)
    {
        var buffer = new Centrex.Rating.Csv.ByteBuffer(count * 150);
        var offsets = new int[count + 1];
        var random = new Random(first + 13);
        Span<byte> id = stackalloc byte[64];
        Span<byte> account = stackalloc byte[16];
        for (var i = 0; i < count; i++)
        {
            offsets[i] = buffer.Length;
            var idLength = Encoding.ASCII.GetBytes($"{tag}-{first + i:D10}", id);
            var accountLength = Encoding.ASCII.GetBytes($"ACC-{1001 + random.Next(accounts)}", account);
            var seconds = 30 + random.Next(600);
            RatedCdrCodec.Write(new RatedCdrFields(id[..idLength], account[..accountLength], "+14165550100"u8, "12125551234"u8,
                start + random.Next(86_400 * 25), 0, seconds, seconds, NumberClass.Domestic, "1212"u8, "USA - New York"u8, 12 + random.Next(900), 0), buffer);
        }

        offsets[count] = buffer.Length;
        return (buffer.Written.ToArray(), offsets);
    }

    /// <summary>The calling thread's CPU time in seconds (CLOCK_THREAD_CPUTIME_ID); the ingestion probes share it.</summary>
    internal static double ThreadCpu()
    {
        var time = default(Timespec);
        return ClockGetTime(3 /* CLOCK_THREAD_CPUTIME_ID */, ref time) == 0 ? time.Seconds + (time.Nanoseconds / 1e9) : double.NaN;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, ref Timespec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
