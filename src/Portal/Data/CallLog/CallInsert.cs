using Centrex.Ledger.Journal;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Centrex.Portal.Data.CallLog;

/// <summary>
/// The call log's <c>INSERT</c>, prepared once per pass on the indexer's connection and run once per call through
/// SQLite's own API (SQLitePCLRaw, which Microsoft.Data.Sqlite is built on): the journal entry's UTF-8 fields are bound
/// as they are, so a call costs one step of a prepared statement and no strings, parameter objects or ADO.NET command
/// (bench/README.md, "call-log indexer": the ADO.NET version spent most of its 10–12 µs per call outside SQLite).
/// Runs inside the caller's transaction on the same connection. A switch call (<c>sw:</c> id) that the switch's CDR
/// store already brought in (<see cref="SwitchCallInsert"/>) is completed with its charge instead of added again: the
/// switch's row keeps its direction, disposition and answering line, the journal adds what it charged.
/// </summary>
internal sealed class CallInsert : IDisposable
{
    private const string Sql = """
        INSERT INTO calls (id, customer, account, start_ms, caller, callee, seconds, billed_seconds, direction, disposition, destination, charge_mills, address)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'outgoing', 'answered', ?9, ?10, ?11)
        ON CONFLICT(id) WHERE id >= 'sw:' AND id < 'sw;' DO UPDATE SET
            billed_seconds = excluded.billed_seconds, destination = excluded.destination, charge_mills = excluded.charge_mills, address = excluded.address
        """;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public CallInsert(SqliteConnection connection)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the call log's connection is not open");
        Check(raw.sqlite3_prepare_v2(_db, Sql, out _statement));
    }

    /// <summary>Adds the call <paramref name="entry"/> (a <see cref="RatedCdrCodec"/> entry) of <paramref name="customer"/> (UTF-8; empty: not provisioned).</summary>
    public void Add(ReadOnlySpan<byte> entry, ReadOnlySpan<byte> customer, long reference)
    {
        var s = _statement;
        Check(Text(s, 1, RatedCdrCodec.Id(entry)));
        Check(customer.IsEmpty ? raw.sqlite3_bind_null(s, 2) : Text(s, 2, customer));
        Check(Text(s, 3, RatedCdrCodec.Account(entry)));
        Check(raw.sqlite3_bind_int64(s, 4, (RatedCdrCodec.StartUnixSeconds(entry) * 1000) + (RatedCdrCodec.StartNanoseconds(entry) / 1_000_000)));
        Check(Text(s, 5, RatedCdrCodec.Text(entry, 2)));
        Check(Text(s, 6, RatedCdrCodec.Text(entry, 3)));
        Check(raw.sqlite3_bind_int64(s, 7, RatedCdrCodec.DurationSeconds(entry)));
        Check(raw.sqlite3_bind_int64(s, 8, RatedCdrCodec.BilledSeconds(entry)));
        Check(Text(s, 9, RatedCdrCodec.Text(entry, 5)));
        Check(raw.sqlite3_bind_int64(s, 10, RatedCdrCodec.NetMills(entry)));
        Check(raw.sqlite3_bind_int64(s, 11, reference));
        var done = raw.sqlite3_step(s);
        raw.sqlite3_reset(s);
        if (done != raw.SQLITE_DONE)
        {
            Check(done);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _statement.Dispose();

    // An empty span has no address, and SQLite binds a text with no address as NULL: an empty field is bound as the
    // empty string it is (caller and callee are NOT NULL; an empty destination stays '' as it was).
    private static int Text(sqlite3_stmt statement, int index, ReadOnlySpan<byte> utf8) =>
        utf8.IsEmpty ? raw.sqlite3_bind_text(statement, index, string.Empty) : raw.sqlite3_bind_text(statement, index, utf8);

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK && result != raw.SQLITE_DONE)
        {
            throw new SqliteException($"call log insert: {raw.sqlite3_errmsg(_db).utf8_to_string()}", result);
        }
    }
}
