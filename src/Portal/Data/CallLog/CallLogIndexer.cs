using System.Text;
using Centrex.Ledger;
using Centrex.Ledger.Journal;
using Microsoft.Data.Sqlite;

namespace Centrex.Portal.Data.CallLog;

/// <summary>
/// Keeps <c>DATA/calllog.db</c> up with the ledger's journal and the switch's CDR store
/// (<see cref="CallLogSwitchSource"/>: the calls the journal does not hold, and direction, disposition and the answering
/// line of those it does): every half second, the rated calls committed since the last pass are added (in transactions of up to 20,000 calls), each with its account's customer as provisioned then,
/// and the journal address reached is stored in the same transaction, so a crash or restart neither loses nor repeats
/// a call. Runs on its own thread; pages never wait for it.
/// The index is derived data and must not slow charging (issue 16's ingestion bench: with the indexer following the
/// journal, CDR ingestion over HTTP ran at 11.7k CDRs/s, and a trace showed the indexer's thread busy for the whole
/// ingestion, its SQLite inserts competing with the single ledger writer for the two cores and the disk; it costs
/// 3.5–5 µs a call where the whole ingestion path costs 2–3). So it runs on its own thread, <c>centrex-calllog</c>, at a
/// lower scheduling priority than the process (<see cref="LowerPriority"/>: niced 10 more, so it gets a core the request
/// threads and the writer leave idle), and it defers its passes while the ledger is charging in bulk (the journal grew by
/// <see cref="BulkBytesPerTick"/> or more in a tick of the last <see cref="Settle"/>, <see cref="BulkChargingHoldOff"/>):
/// it indexes once the growth has stayed under that for <see cref="Settle"/>, or after <see cref="MaxDefer"/> of
/// continuous bulk charging. The bound documented in the README follows: while charging goes on, the index is at most
/// <see cref="MaxDefer"/> plus one pass behind; once it stops, a pass starts within <see cref="Settle"/> and a tick and the index is current
/// after the backlog's cost (about 3.5 µs a call on a free core: 2 million calls in about 7 s).
/// Its connection syncs only at WAL checkpoints
/// (<c>synchronous = NORMAL</c>): a power cut can lose the last passes, but the journal position is stored in the same
/// transaction as the calls, so it rolls back with them and the next pass indexes them again; the ledger's commits are
/// not made to queue behind the index's fsyncs.
/// </summary>
public sealed class CallLogIndexer : IDisposable
{
    private const int BatchRows = 20_000;
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest the indexer defers its pass while the ledger keeps charging, so the call log is never stale for long.</summary>
    internal static readonly TimeSpan MaxDefer = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Journal growth in one tick that counts as bulk charging (about 9,000 calls of ~115 journal bytes: 18,000 calls a second). A switch's
    /// own traffic stays under it, so its calls reach the call log within a tick as before; an ingestion of large
    /// batches is far over it.
    /// </summary>
    private const long BulkBytesPerTick = 1L << 20;

    /// <summary>
    /// How long the journal must grow by less than <see cref="BulkBytesPerTick"/> a tick before a pass runs: longer than
    /// the gap between two group commits of an ingestion in large batches (a third of a second at 300,000 CDRs/s in
    /// batches of 100,000; a batch of 100,000 every second and a half is still ~67,000 CDRs/s).
    /// </summary>
    internal static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    private readonly CallLogStore _store;
    private readonly LedgerStore _ledger;
    private readonly ProvisioningCache _provisioning;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private Thread? _loop;

    private readonly CallLogSwitchSource? _switch;

    /// <summary>Creates the indexer.</summary>
    /// <param name="store">The call log.</param>
    /// <param name="ledger">The journal's calls (the charged ones).</param>
    /// <param name="provisioning">Each call's account's customer.</param>
    /// <param name="cdrFolder">The switch's CDR store (<c>DATA/cdrs</c>, every call attempt), or null to follow the journal only.</param>
    public CallLogIndexer(CallLogStore store, LedgerStore ledger, ProvisioningCache provisioning, string? cdrFolder = null)
    {
        _store = store;
        _ledger = ledger;
        _provisioning = provisioning;
        _switch = cdrFolder is null ? null : new CallLogSwitchSource(cdrFolder);
    }

    /// <summary>Lines of the switch's CDR store skipped as damaged so far.</summary>
    public long DamagedSwitchLines => _switch?.Damaged ?? 0;

    /// <summary>The last failure of a pass (the next pass tries again), or null.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Starts the background passes on the indexer's own thread.</summary>
    public void Start()
    {
        _loop = new Thread(Run) { Name = "centrex-calllog", IsBackground = true };
        _loop.Start();
    }

    private void Run()
    {
        LowerPriority.OfCurrentThread(10);
        var hold = new BulkChargingHoldOff(BulkBytesPerTick, Settle, MaxDefer);
        while (!_stop.IsCancellationRequested)
        {
            if (hold.ShouldIndex(_ledger.CommittedUntil, Now()))
            {
                try
                {
                    CatchUp();
                    LastError = null;
                }
                catch (Exception e)
                {
                    // Its own thread: a failure is shown on the operator's ledger page and the next tick tries again,
                    // rather than ending serve over derived data.
                    LastError = e;
                }

                hold.Indexed(_ledger.CommittedUntil, Now());
            }

            _stop.Token.WaitHandle.WaitOne(Every);
        }
    }

    private static TimeSpan Now() => System.Diagnostics.Stopwatch.GetElapsedTime(0);

    /// <summary>Indexes everything committed so far (the journal, then the switch's CDR store); returns the calls added or completed.</summary>
    public long CatchUp()
    {
        lock (_gate)
        {
            using var connection = _store.OpenWriter();
            var added = CatchUpJournal(connection);
            return _switch is null ? added : added + _switch.CatchUp(connection, _provisioning.Current);
        }
    }

    /// <summary>Indexes the switch's CDR store only (benchmarks: its cost a call apart from the journal's).</summary>
    public long CatchUpSwitch()
    {
        lock (_gate)
        {
            using var connection = _store.OpenWriter();
            return _switch?.CatchUp(connection, _provisioning.Current) ?? 0;
        }
    }

    private long CatchUpJournal(SqliteConnection connection)
    {
        var from = Progress(connection);
        var until = _ledger.CommittedUntil;
        if (from >= until)
        {
            return 0;
        }

        var index = _provisioning.Current;
        var added = 0L;
        var transaction = connection.BeginTransaction();
        using var insert = new CallInsert(connection);
        var batch = 0;
        var lastAddress = -1L;
        byte[] lastAccount = [];
        byte[] lastCustomer = [];
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
                batch = 0;
            }

            lastAddress = address;

            // A customer's calls come in runs of one account: its customer is looked up when the account changes.
            var account = RatedCdrCodec.Account(entry);
            if (!account.SequenceEqual(lastAccount))
            {
                lastAccount = account.ToArray();
                var customer = index.Account(Encoding.UTF8.GetString(account))?.CustomerId;
                lastCustomer = customer is null ? [] : Encoding.UTF8.GetBytes(customer);
            }

            insert.Add(entry, lastCustomer, reference);
            added++;
            batch++;
        });
        SetProgress(connection, transaction, until);
        transaction.Commit();
        transaction.Dispose();
        return added;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        _loop?.Join(TimeSpan.FromSeconds(10));
        _stop.Dispose();
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
