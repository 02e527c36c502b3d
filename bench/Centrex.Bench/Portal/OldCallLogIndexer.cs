using System.Text;
using Centrex.Ledger;
using Centrex.Ledger.Journal;
using Microsoft.Data.Sqlite;

using Centrex.Portal.Data;
using Centrex.Portal.Data.CallLog;

namespace Centrex.Bench.Portal;

/// <summary>
/// Keeps <c>DATA/calllog.db</c> up with the ledger's journal: every half second, the rated calls committed since the
/// last pass are added (in transactions of up to 20,000 calls), each with its account's customer as provisioned then,
/// and the journal address reached is stored in the same transaction, so a crash or restart neither loses nor repeats
/// a call. Runs on its own thread; pages never wait for it.
/// The index is derived data and must not slow charging (issue 16's ingestion bench: with the indexer following the
/// journal, CDR ingestion over HTTP ran at 11.7k CDRs/s, and a trace showed the indexer's thread busy for the whole
/// ingestion, its SQLite inserts competing with the single ledger writer for the two cores and the disk). So while the
/// journal grows under a pass (the ledger is charging), the indexer rests for <see cref="RestFactor"/> times as long
/// as the pass took: at most a fifth of one core goes to it then, and it catches up when charging pauses (at full
/// speed when the journal is still, such as the catch-up after a start). Its connection syncs only at WAL checkpoints
/// (<c>synchronous = NORMAL</c>): a power cut can lose the last passes, but the journal position is stored in the same
/// transaction as the calls, so it rolls back with them and the next pass indexes them again; the ledger's commits are
/// not made to queue behind the index's fsyncs.
/// </summary>
/// <remarks>The indexer as it was before the raw-statement change (commit 2fb048a), kept for the before/after CPU figures.</remarks>
public sealed class OldCallLogIndexer : IDisposable
{
    private const int BatchRows = 20_000;
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(500);

    /// <summary>How many times as long as a pass the indexer rests after it when the ledger charged during the pass.</summary>
    private const int RestFactor = 4;

    /// <summary>Longest rest after one pass, so a long pass does not leave the call log stale for minutes.</summary>
    private static readonly TimeSpan MaxRest = TimeSpan.FromSeconds(30);
    private readonly CallLogStore _store;
    private readonly LedgerStore _ledger;
    private readonly ProvisioningCache _provisioning;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private Task? _loop;

    public OldCallLogIndexer(CallLogStore store, LedgerStore ledger, ProvisioningCache provisioning)
    {
        _store = store;
        _ledger = ledger;
        _provisioning = provisioning;
    }

    /// <summary>The last failure of a pass (the next pass tries again), or null.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Starts the background passes.</summary>
    public void Start() => _loop = Task.Run(async () =>
    {
        while (!_stop.IsCancellationRequested)
        {
            var rest = Every;
            try
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var journalBefore = _ledger.CommittedUntil;
                if (CatchUp() > 0 && _ledger.CommittedUntil != journalBefore)
                {
                    // The ledger committed while this pass ran: it is charging, so yield the cores to it.
                    var pass = System.Diagnostics.Stopwatch.GetElapsedTime(started);
                    rest = TimeSpan.FromTicks(Math.Clamp(pass.Ticks * RestFactor, Every.Ticks, MaxRest.Ticks));
                }

                LastError = null;
            }
            catch (Exception e) when (e is SqliteException or IOException or JournalFormatException)
            {
                LastError = e;
            }

            try
            {
                await Task.Delay(rest, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    });

    /// <summary>Indexes everything committed so far; returns the calls added.</summary>
    public long CatchUp()
    {
        lock (_gate)
        {
            using var connection = _store.Open();
            Tune(connection);
            var from = Progress(connection);
            var until = _ledger.CommittedUntil;
            if (from >= until)
            {
                return 0;
            }

            var index = _provisioning.Current;
            var added = 0L;
            var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO calls (id, customer, account, start_ms, caller, callee, seconds, billed_seconds, direction, disposition, destination, charge_mills, address)
                VALUES ($id, $customer, $account, $start, $caller, $callee, $seconds, $billed, 'outgoing', 'answered', $destination, $charge, $address)
                """;
            var p = new[] { "$id", "$customer", "$account", "$start", "$caller", "$callee", "$seconds", "$billed", "$destination", "$charge", "$address" }
                .Select(n => insert.Parameters.Add(new SqliteParameter(n, null))).ToArray();
            insert.Prepare();
            var batch = 0;
            var lastAddress = -1L;
            string lastAccount = string.Empty;
            object? lastCustomer = DBNull.Value;
            _ledger.ScanJournal(from, (reference, entry) =>
            {
                var address = EntryReference.Address(reference);
                if (address >= until || entry.Length < 2 || entry[1] != (byte)JournalRecordKind.RatedCdr)
                {
                    return;
                }

                if (batch >= BatchRows && address != lastAddress)
                {
                    // A long catch-up commits as it goes, at the start of a journal entry (the calls of one block share
                    // its address): the position stored with them is where the scan goes on after a crash.
                    SetProgress(connection, transaction, address);
                    transaction.Commit();
                    transaction.Dispose();
                    transaction = connection.BeginTransaction();
                    insert.Transaction = transaction;
                    batch = 0;
                }

                lastAddress = address;

                var account = Encoding.UTF8.GetString(RatedCdrCodec.Account(entry));
                if (account != lastAccount)
                {
                    lastAccount = account;
                    lastCustomer = (object?)index.Account(account)?.CustomerId ?? DBNull.Value;
                }

                p[0].Value = Encoding.UTF8.GetString(RatedCdrCodec.Id(entry));
                p[1].Value = lastCustomer;
                p[2].Value = account;
                p[3].Value = (RatedCdrCodec.StartUnixSeconds(entry) * 1000) + (RatedCdrCodec.StartNanoseconds(entry) / 1_000_000);
                p[4].Value = Encoding.UTF8.GetString(RatedCdrCodec.Text(entry, 2));
                p[5].Value = Encoding.UTF8.GetString(RatedCdrCodec.Text(entry, 3));
                p[6].Value = RatedCdrCodec.DurationSeconds(entry);
                p[7].Value = RatedCdrCodec.BilledSeconds(entry);
                p[8].Value = Encoding.UTF8.GetString(RatedCdrCodec.Text(entry, 5));
                p[9].Value = RatedCdrCodec.NetMills(entry);
                p[10].Value = reference;
                insert.ExecuteNonQuery();
                added++;
                batch++;
            });
            SetProgress(connection, transaction, until);
            transaction.Commit();
            transaction.Dispose();
            return added;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        _loop?.Wait(TimeSpan.FromSeconds(10));
        _stop.Dispose();
    }

    private static void Tune(SqliteConnection connection)
    {
        // WAL with NORMAL syncs at checkpoints only (see the class comment for why that is safe for this index). Per
        // connection, and the pool keeps it for readers, which never write, so it changes nothing for them.
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous = NORMAL;";
        command.ExecuteNonQuery();
    }

    private static long Progress(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT position FROM progress WHERE source = 'journal'";
        return command.ExecuteScalar() is long position ? position : 0;
    }

    private static void SetProgress(SqliteConnection connection, SqliteTransaction transaction, long position)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO progress (source, position) VALUES ('journal', $p) ON CONFLICT(source) DO UPDATE SET position = excluded.position";
        command.Parameters.AddWithValue("$p", position);
        command.ExecuteNonQuery();
    }
}
