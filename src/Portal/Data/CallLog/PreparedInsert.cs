using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Centrex.Portal.Data.CallLog;

/// <summary>
/// One call-log statement prepared on the indexer's connection and run once per call through SQLite's own API
/// (SQLitePCLRaw): fields are bound as the UTF-8 they are, so a call costs one step and no strings or parameter
/// objects (bench/README.md, "call-log indexer"). <see cref="CallInsert"/> and <see cref="SwitchCallInsert"/> bind
/// their own columns and share the binding of text, the step and the errors.
/// </summary>
internal sealed class PreparedInsert : IDisposable
{
    private readonly sqlite3 _db;
    private readonly string _what;

    public PreparedInsert(SqliteConnection connection, string sql, string what)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the call log's connection is not open");
        _what = what;
        Check(raw.sqlite3_prepare_v2(_db, sql, out var statement));
        Statement = statement;
    }

    /// <summary>The prepared statement, to bind numbers and nulls on.</summary>
    public sqlite3_stmt Statement { get; }

    // An empty span has no address, and SQLite binds a text with no address as NULL: an empty field is bound as the
    // empty string it is (caller and callee are NOT NULL; an empty destination stays '' as it was).
    public void Text(int index, ReadOnlySpan<byte> utf8) =>
        Check(utf8.IsEmpty ? raw.sqlite3_bind_text(Statement, index, string.Empty) : raw.sqlite3_bind_text(Statement, index, utf8));

    /// <summary>Binds <paramref name="utf8"/>, or NULL when it is empty.</summary>
    public void TextOrNull(int index, ReadOnlySpan<byte> utf8) =>
        Check(utf8.IsEmpty ? raw.sqlite3_bind_null(Statement, index) : raw.sqlite3_bind_text(Statement, index, utf8));

    public void Text(int index, string? text) =>
        Check(text is null ? raw.sqlite3_bind_null(Statement, index) : raw.sqlite3_bind_text(Statement, index, text));

    public void Number(int index, long value) => Check(raw.sqlite3_bind_int64(Statement, index, value));

    /// <summary>Runs the statement with what is bound and resets it for the next call.</summary>
    public void Step()
    {
        var done = raw.sqlite3_step(Statement);
        raw.sqlite3_reset(Statement);
        if (done != raw.SQLITE_DONE)
        {
            Check(done);
        }
    }

    public void Dispose() => Statement.Dispose();

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK && result != raw.SQLITE_DONE)
        {
            throw new SqliteException($"{_what}: {raw.sqlite3_errmsg(_db).utf8_to_string()}", result);
        }
    }
}
