using System.Diagnostics;
using System.Security.Cryptography;
using Centrex.Portal.Data.CallLog;
using Centrex.Portal.Features.Customer.Transactions;
using Centrex.Provisioning.Model;
using NodaTime;

namespace Centrex.Bench.Portal;

/// <summary>
/// Allocation and CPU per row of the Transactions CSV download (GET /api/v1/me/transactions.csv): a call log of ROWS
/// charged calls of one customer is made in a temporary folder, then the CSV of all of them is written to a hashing
/// sink by <see cref="TransactionCsvExport.Write"/>, on this thread, measured with
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> and the process's CPU time. (The seventh session's "before", an
/// in-memory transaction per call, is gone from the portal; its figures stay in bench/README.)
/// <code>
/// dotnet bench/Centrex.Bench/bin/Release/net10.0/Centrex.Bench.dll transactions-csv [ROWS] [RUNS]
/// </code>
/// </summary>
public static class TransactionsCsvProbe
{
    private const string Customer = "CUST-BENCH";

    public static void Run(int rows, int runs)
    {
        var folder = Directory.CreateTempSubdirectory("transactions-csv-").FullName;
        try
        {
            var store = new CallLogStore(folder);
            Fill(store, rows);
            var customer = new Provisioning.Model.Customer(Customer, "Bench Ltd", "B", "b@bench.example", new ServiceAddress("1 St", "Toronto", "ON", "CA", "M5V 1A1"),
                "CAD", "America/Toronto", null, SendStatistic.Full, CustomerDialPlan.None);
            var accounts = new List<Account> { new("ACC-BENCH", Customer, AccountType.Credit, Centrex.Rating.Money.Mills.Zero, null, false, [], null, null, []) };
            var zone = DateTimeZoneProviders.Tzdb[customer.TimeZone];
            var (from, to) = (new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31));
            for (var run = 1; run <= runs; run++)
            {
                var after = Measure(sink => TransactionCsvExport.Write(sink, store, Customer, zone, ["ACC-BENCH"], [], from, to, withCalls: true));
                Console.WriteLine($"transactions-csv run {run}: {rows:N0} rows; {after}");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Result Measure(Func<Stream, long> write)
    {
        using var sink = new HashingSink();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        var rows = write(sink);
        var wall = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        return new Result(rows, allocated, cpu, wall, sink.Length, Convert.ToHexString(sink.Hash()));
    }

    // Charged calls across the year, one account, as the indexer stores them (the journal's columns; a destination with
    // a comma now and then, so some rows are quoted).
    private static void Fill(CallLogStore store, int rows)
    {
        using var connection = store.OpenWriter();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO calls (id, customer, account, start_ms, caller, callee, seconds, billed_seconds, direction, disposition, destination, charge_mills, address)
            VALUES ($id, $c, 'ACC-BENCH', $start, '15145550100', $callee, $s, $b, 'outgoing', 'answered', $d, $m, 0)
            """;
        var id = command.Parameters.Add("$id", Microsoft.Data.Sqlite.SqliteType.Text);
        command.Parameters.AddWithValue("$c", Customer);
        var start = command.Parameters.Add("$start", Microsoft.Data.Sqlite.SqliteType.Integer);
        var callee = command.Parameters.Add("$callee", Microsoft.Data.Sqlite.SqliteType.Text);
        var seconds = command.Parameters.Add("$s", Microsoft.Data.Sqlite.SqliteType.Integer);
        var billed = command.Parameters.Add("$b", Microsoft.Data.Sqlite.SqliteType.Integer);
        var destination = command.Parameters.Add("$d", Microsoft.Data.Sqlite.SqliteType.Text);
        var mills = command.Parameters.Add("$m", Microsoft.Data.Sqlite.SqliteType.Integer);
        var first = Instant.FromUtc(2026, 1, 2, 12, 0).ToUnixTimeMilliseconds();
        var step = 300L * 24 * 3600 * 1000 / rows;
        for (var i = 0; i < rows; i++)
        {
            id.Value = $"bench-{i:D9}";
            start.Value = first + (i * step);
            callee.Value = $"1416555{i % 10_000:D4}";
            seconds.Value = 30 + (i % 600);
            billed.Value = 60 + (i % 600 / 60 * 60);
            destination.Value = i % 10 == 0 ? "Canada, Toronto" : "Canada - Toronto";
            mills.Value = 12 + (i % 5_000);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private sealed record Result(long Rows, long Allocated, TimeSpan Cpu, TimeSpan Wall, long Bytes, string Hash)
    {
        public override string ToString() =>
            $"{Allocated / (double)Math.Max(1, Rows):0.0} B/row allocated ({Allocated / 1e6:0.0} MB), CPU {Cpu.TotalSeconds:0.000} s = {Rows / Math.Max(1e-9, Cpu.TotalSeconds):N0} rows per CPU-second, wall {Wall.TotalSeconds:0.00} s, {Bytes / 1e6:0.0} MB";
    }

    /// <summary>A sink that keeps only the SHA-256 of what is written (the two ways must write the same bytes).</summary>
    private sealed class HashingSink : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Position;

        public override long Position { get; set; }

        public byte[] Hash() => _hash.GetHashAndReset();

        public override void Flush()
        {
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _hash.AppendData(buffer);
            Position += buffer.Length;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
