using System.Diagnostics;
using Centrex.Invoicing.Rendering;
using Centrex.Invoicing.Sources;
using Centrex.Invoicing.Xdr;
using Centrex.Ledger;
using Centrex.Portal.Data;
using Centrex.Portal.Data.CallLog;
using NodaTime;

namespace Centrex.Bench.Portal;

/// <summary>
/// CPU time per row of the portal's two bulk paths, on a real data directory (bench/portal-e2e.sh's, or a smaller one):
/// the call-log indexer's catch-up (into a fresh <c>calllog.db</c> in a temporary folder) and the xDR CSV report of one
/// customer (to a null stream). CPU time, not wall time, so a shared, loaded host still gives comparable figures
/// (bench/README.md, "Self-care portal end to end").
/// <code>
/// dotnet bench/Centrex.Bench/bin/Release/net10.0/Centrex.Bench.dll calllog-cpu DATA
/// dotnet bench/Centrex.Bench/bin/Release/net10.0/Centrex.Bench.dll xdr-cpu DATA CUSTOMER FROM TO [RUNS]
/// </code>
/// </summary>
public static class PortalCpuProbe
{
    /// <summary>Indexes the whole journal of <paramref name="data"/> into a new call log; prints CPU per call.</summary>
    public static void CallLog(string data, bool old = false, string? alter = null)
    {
        var folder = Directory.CreateTempSubdirectory("calllog-cpu-").FullName;
        try
        {
            using var ledger = LedgerStore.Open(data);
            using var provisioning = new ProvisioningCache(data);
            var store = new CallLogStore(folder);
            if (alter is not null)
            {
                // An experiment on the schema (e.g. dropping an index) before the catch-up.
                using var connection = store.OpenWriter();
                using var command = connection.CreateCommand();
                command.CommandText = alter;
                command.ExecuteNonQuery();
            }

            using var indexer = new CallLogIndexer(store, ledger, provisioning);
            using var oldIndexer = new OldCallLogIndexer(store, ledger, provisioning);
            var (cpu, wall, allocated) = Measure(() => old ? oldIndexer.CatchUp() : indexer.CatchUp(), out var calls);
            Console.WriteLine($"calllog-cpu: {calls:N0} calls indexed: CPU {cpu.TotalSeconds:0.000} s = {cpu.TotalMicroseconds / calls:0.00} µs/call " +
                $"(wall {wall.TotalSeconds:0.0} s, allocated {allocated / (double)calls:0} B/call, calllog.db {new FileInfo(Path.Combine(folder, CallLogStore.FileName)).Length / 1e6:0} MB)");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Writes <paramref name="customer"/>'s xDR CSV for the days given to a null stream; prints CPU per row.</summary>
    public static void Xdr(string data, string customer, string from, string to, int runs)
    {
        using var ledger = LedgerStore.Open(data);
        using var provisioning = new ProvisioningCache(data);
        var view = provisioning.Current.ForCustomer(customer);
        var zone = DateTimeZoneProviders.Tzdb[view.Customer.TimeZone];
        var pattern = NodaTime.Text.LocalDatePattern.Iso;
        var selection = new XdrSelection(customer, view.AccountIds, zone, pattern.Parse(from).Value, pattern.Parse(to).Value, view.Customer.Currency);
        var provider = new ProviderInfo("bench", [], string.Empty, string.Empty);
        for (var run = 0; run < runs; run++)
        {
            var counting = new CountingStream();
            var (cpu, wall, allocated) = Measure(() => XdrReport.WriteTo(new LedgerJournalSource(ledger), selection, XdrFormat.Csv, counting, provider).All.Calls, out var rows);
            Console.WriteLine($"xdr-cpu run {run + 1}: {rows:N0} rows, {counting.Length / 1e6:0.0} MB: CPU {cpu.TotalSeconds:0.000} s = {rows / cpu.TotalSeconds:N0} rows per CPU-second " +
                $"(wall {wall.TotalSeconds:0.00} s, allocated {allocated / 1e6:0.0} MB)");
        }
    }

    private static (TimeSpan Cpu, TimeSpan Wall, long Allocated) Measure(Func<long> work, out long count)
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        count = work();
        var wall = Stopwatch.GetElapsedTime(started);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        return (cpu, wall, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
    }

    /// <summary>A stream that only counts what is written (the report's bytes go nowhere).</summary>
    private sealed class CountingStream : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Position;

        public override long Position { get; set; }

        public override void Flush()
        {
        }

        public override void Write(byte[] buffer, int offset, int count) => Position += count;

        public override void Write(ReadOnlySpan<byte> buffer) => Position += buffer.Length;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
