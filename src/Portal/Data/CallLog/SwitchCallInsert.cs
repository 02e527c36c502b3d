using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Centrex.Portal.Data.CallLog;

/// <summary>
/// The call log's <c>INSERT</c> of one call from the switch's CDR store, prepared once per pass and run through SQLite's
/// own API like <see cref="CallInsert"/>. A call the journal already brought in (the switch charged it: same
/// <c>sw:</c> id) is completed instead of added again: the switch's record says which way it went, how it ended and who
/// answered; the journal's charge, billed seconds and destination stay. Runs inside the caller's transaction.
/// </summary>
internal sealed class SwitchCallInsert : IDisposable
{
    private const string Sql = """
        INSERT INTO calls (id, customer, account, start_ms, caller, callee, seconds, billed_seconds, direction, disposition, destination, charge_mills, address, answered_by)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8, ?9, NULL, NULL, -1, ?10)
        ON CONFLICT(id) WHERE id >= 'sw:' AND id < 'sw;' DO UPDATE SET
            seconds = excluded.seconds, direction = excluded.direction, disposition = excluded.disposition, answered_by = excluded.answered_by
        """;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public SwitchCallInsert(SqliteConnection connection)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the call log's connection is not open");
        Check(raw.sqlite3_prepare_v2(_db, Sql, out _statement));
    }

    /// <summary>Adds or completes one call (its customer null: its account is not provisioned).</summary>
    public void Add(SwitchCall call)
    {
        var s = _statement;
        Check(raw.sqlite3_bind_text(s, 1, call.Id));
        Check(call.Customer is null ? raw.sqlite3_bind_null(s, 2) : raw.sqlite3_bind_text(s, 2, call.Customer));
        Check(raw.sqlite3_bind_text(s, 3, call.Account));
        Check(raw.sqlite3_bind_int64(s, 4, call.StartMilliseconds));
        Check(raw.sqlite3_bind_text(s, 5, call.Caller));
        Check(raw.sqlite3_bind_text(s, 6, call.Callee));
        Check(raw.sqlite3_bind_int64(s, 7, call.Seconds));
        Check(raw.sqlite3_bind_text(s, 8, call.Direction));
        Check(raw.sqlite3_bind_text(s, 9, call.Disposition));
        Check(call.AnsweredBy.Length == 0 ? raw.sqlite3_bind_null(s, 10) : raw.sqlite3_bind_text(s, 10, call.AnsweredBy));
        var done = raw.sqlite3_step(s);
        raw.sqlite3_reset(s);
        if (done != raw.SQLITE_DONE)
        {
            Check(done);
        }
    }

    /// <summary>
    /// Adds or completes the call of <paramref name="line"/>, its fields bound as the UTF-8 they are (no string per call),
    /// its account's and caller's customers from <paramref name="customers"/> (<see cref="SwitchCall.Of"/> says why a call
    /// from a line of the same customer is internal).
    /// </summary>
    public void Add(in SwitchCdrLine line, AccountCustomers customers)
    {
        var s = _statement;
        var customer = customers.Of(line[1]);
        var direction = line.Outgoing ? "outgoing"u8
            : customer is not null && customers.Of(line[2]) is { } callerCustomer && callerCustomer.AsSpan().SequenceEqual(customer) ? "internal"u8 : "incoming"u8;
        Check(Text(s, 1, line[0]));
        Check(customer is null ? raw.sqlite3_bind_null(s, 2) : raw.sqlite3_bind_text(s, 2, customer));
        Check(Text(s, 3, line[1]));
        Check(raw.sqlite3_bind_int64(s, 4, line.StartMilliseconds));
        Check(Text(s, 5, line[2]));
        Check(Text(s, 6, line.Callee));
        Check(raw.sqlite3_bind_int64(s, 7, line.Seconds));
        Check(raw.sqlite3_bind_text(s, 8, direction));
        Check(raw.sqlite3_bind_text(s, 9, line[9]));
        Check(line.AnsweredBy.IsEmpty ? raw.sqlite3_bind_null(s, 10) : raw.sqlite3_bind_text(s, 10, line.AnsweredBy));
        var done = raw.sqlite3_step(s);
        raw.sqlite3_reset(s);
        if (done != raw.SQLITE_DONE)
        {
            Check(done);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _statement.Dispose();

    // An empty span has no address and SQLite would bind it as NULL: caller and callee are NOT NULL.
    private static int Text(sqlite3_stmt statement, int index, ReadOnlySpan<byte> utf8) =>
        utf8.IsEmpty ? raw.sqlite3_bind_text(statement, index, string.Empty) : raw.sqlite3_bind_text(statement, index, utf8);

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK && result != raw.SQLITE_DONE)
        {
            throw new SqliteException($"call log insert (switch): {raw.sqlite3_errmsg(_db).utf8_to_string()}", result);
        }
    }
}
