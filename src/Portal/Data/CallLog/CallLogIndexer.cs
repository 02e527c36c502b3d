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
/// ingestion, its SQLite inserts competing with the single ledger writer for the two cores and the disk). So while the
/// journal grows under a pass (the ledger is charging), the indexer rests for <see cref="RestFactor"/> times as long
/// as the pass took: at most a fifth of one core goes to it then, and it catches up when charging pauses (at full
/// speed when the journal is still, such as the catch-up after a start). Its connection syncs only at WAL checkpoints
/// (<c>synchronous = NORMAL</c>): a power cut can lose the last passes, but the journal position is stored in the same
/// transaction as the calls, so it rolls back with them and the next pass indexes them again; the ledger's commits are
/// not made to queue behind the index's fsyncs.
/// </summary>
public sealed class CallLogIndexer : IDisposable
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
        _loop?.Wait(TimeSpan.FromSeconds(10));
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
