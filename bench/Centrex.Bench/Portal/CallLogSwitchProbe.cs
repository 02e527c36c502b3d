using System.Diagnostics;
using Centrex.Ledger;
using Centrex.Portal.Data;
using Centrex.Portal.Data.CallLog;
using Centrex.Switch.Admission;
using Centrex.Switch.Cdrs;
using NodaTime;

namespace Centrex.Bench.Portal;

/// <summary>
/// CPU time per call of the call-log indexer following the switch's CDR store (issue 16, Call Logs: every call the switch
/// records, not only the charged ones): writes <c>CALLS</c> switch CDRs of the accounts provisioned in <c>DATA</c> (a
/// mix of answered outgoing, answered and missed incoming, internal, busy and refused calls, over random lines, as the
/// switch appends them) into a temporary CDR store with the switch's own writer, then times one catch-up of a fresh
/// call log from it. CPU time, not wall time, so a shared host still gives comparable figures.
/// <code>
/// dotnet bench/Centrex.Bench/bin/Release/net10.0/Centrex.Bench.dll calllog-switch-cpu DATA [CALLS]
/// </code>
/// </summary>
public static class CallLogSwitchProbe
{
    /// <summary>Indexes <paramref name="calls"/> generated switch CDRs into a new call log; prints CPU per call.</summary>
    public static void Run(string data, int calls)
    {
        var folder = Directory.CreateTempSubdirectory("calllog-switch-cpu-").FullName;
        try
        {
            using var ledger = LedgerStore.Open(data);
            using var provisioning = new ProvisioningCache(data);
            var accounts = provisioning.Current.Snapshot.Accounts.Select(a => a.Id).ToArray();
            Write(folder, accounts, calls);
            var cdrFolder = CdrStore.FolderOf(folder);
            Console.WriteLine($"calllog-switch-cpu: {calls:N0} switch CDRs of {accounts.Length:N0} lines, {Directory.EnumerateFiles(cdrFolder).Sum(f => new FileInfo(f).Length) / 1e6:0} MB");
            var store = new CallLogStore(folder);
            using var indexer = new CallLogIndexer(store, ledger, provisioning, cdrFolder);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var started = Stopwatch.GetTimestamp();
            var indexed = indexer.CatchUpSwitch();
            var wall = Stopwatch.GetElapsedTime(started);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            Console.WriteLine($"calllog-switch-cpu: {indexed:N0} calls indexed: CPU {cpu.TotalSeconds:0.000} s = {cpu.TotalMicroseconds / indexed:0.00} µs/call " +
                $"(wall {wall.TotalSeconds:0.0} s, allocated {allocated / (double)indexed:0} B/call, calllog.db {new FileInfo(Path.Combine(folder, CallLogStore.FileName)).Length / 1e6:0} MB, damaged {indexer.DamagedSwitchLines})");
            Console.WriteLine($"calllog-switch-cpu: again with nothing new: {indexer.CatchUpSwitch()} calls");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Write(string folder, string[] accounts, int calls)
    {
        var random = new Random(16);
        var start = Instant.FromUtc(2026, 12, 1, 0, 0);
        using var store = new CdrStore(folder);
        for (var i = 0; i < calls; i++)
        {
            var account = accounts[random.Next(accounts.Length)];
            var other = accounts[random.Next(accounts.Length)];
            var at = start + Duration.FromMilliseconds(i * 250L);
            var kind = random.Next(100);
            var (disposition, direction, caller, callee) = kind switch
            {
                < 45 => (CallDisposition.Answered, CallDirection.Outgoing, account, $"1416555{random.Next(10_000):D4}"),
                < 65 => (CallDisposition.Answered, CallDirection.Incoming, $"1212555{random.Next(10_000):D4}", "15145550100"),
                < 80 => (CallDisposition.NoAnswer, CallDirection.Incoming, $"1212555{random.Next(10_000):D4}", "15145550100"),
                < 92 => (CallDisposition.Answered, CallDirection.Incoming, other, "102"),
                < 97 => (CallDisposition.Busy, CallDirection.Outgoing, account, $"1416555{random.Next(10_000):D4}"),
                _ => (CallDisposition.RefusedByLimit, CallDirection.Outgoing, account, $"1416555{random.Next(10_000):D4}"),
            };
            var answered = disposition == CallDisposition.Answered;
            var seconds = answered ? random.Next(1, 600) : 0;
            store.Append(new SwitchCdr($"sw:0193a1b2c3d4e5f60718293a4b5c6d7e-{i % 2}.{i}", account, caller, callee, callee.Length > 4 ? callee : string.Empty,
                at, answered ? at + Duration.FromSeconds(3) : null, at + Duration.FromSeconds(3 + seconds), seconds, disposition,
                $"{i:x8}-call@10.0.0.1", answered ? "PCMU" : string.Empty, "default", direction, false)
            { AnsweredBy = answered && direction == CallDirection.Incoming ? account : string.Empty });
            if (i % 10_000 == 9_999)
            {
                store.Flush();
            }
        }
    }
}
