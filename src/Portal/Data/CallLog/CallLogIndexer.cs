using System.Text;
using Centrex.Ledger;
using Centrex.Ledger.Journal;
using Microsoft.Data.Sqlite;

namespace Centrex.Portal.Data.CallLog;

/// <summary>
/// Keeps <c>DATA/calllog.db</c> up with the ledger's journal: every half second, the rated calls committed since the
/// last pass are added (in transactions of up to 20,000 calls), each with its account's customer as provisioned then,
/// and the journal address reached is stored in the same transaction, so a crash or restart neither loses nor repeats
/// a call. Runs on its own thread; pages never wait for it.
/// </summary>
public sealed class CallLogIndexer : IDisposable
{
    private const int BatchRows = 20_000;
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(500);
    private readonly CallLogStore _store;
    private readonly LedgerStore _ledger;
    private readonly ProvisioningCache _provisioning;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private Task? _loop;

    public CallLogIndexer(CallLogStore store, LedgerStore ledger, ProvisioningCache provisioning)
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
            try
            {
                CatchUp();
                LastError = null;
            }
            catch (Exception e) when (e is SqliteException or IOException or JournalFormatException)
            {
                LastError = e;
            }

            try
            {
                await Task.Delay(Every, _stop.Token);
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
