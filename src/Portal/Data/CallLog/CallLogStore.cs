using System.Text;
using Centrex.Provisioning.Store;
using Centrex.Rating.Money;
using Microsoft.Data.Sqlite;
using NodaTime;
using SQLitePCL;

namespace Centrex.Portal.Data.CallLog;

/// <summary>
/// Reads and writes <c>DATA/calllog.db</c> (<see cref="CallLogSchema"/>). Reads open a connection each (SQLite in WAL
/// mode serves readers beside the one writer, the indexer); every read takes the customer it is for.
/// </summary>
public sealed partial class CallLogStore
{
    /// <summary>File name in the data directory.</summary>
    public const string FileName = "calllog.db";

    private readonly string _connectionString;
    private readonly string _writerConnectionString;

    public CallLogStore(string dataDirectory)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, FileName), Pooling = true }.ToString();
        _writerConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, FileName), Pooling = false }.ToString();
        using var connection = Open();
        SqliteMigrator.Migrate(connection, CallLogSchema.Migrations, FileName);
    }

    /// <summary>Opens a connection.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>
    /// Opens the indexer's connection: not pooled, so its settings never reach the readers' connections. WAL with
    /// <c>synchronous = NORMAL</c> syncs at checkpoints only (safe for this index: the journal position is stored in the
    /// same transaction as the calls, so a power cut rolls both back and the next pass indexes them again); a 64 MB page
    /// cache keeps the customer index's pages that a pass touches (its inserts land all over it: one customer's calls
    /// are spread through the journal) in memory instead of re-reading them from the OS for each call.
    /// </summary>
    public SqliteConnection OpenWriter()
    {
        var connection = new SqliteConnection(_writerConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;";
        command.ExecuteNonQuery();
        return connection;
    }

    /// <summary>The customer's most recent calls.</summary>
    public IReadOnlyList<CallRow> Recent(string customer, int count) => Page(customer, CallFilter.None, 0, count, descending: true);

    /// <summary>A page of the customer's calls matching <paramref name="filter"/>, by start.</summary>
    public IReadOnlyList<CallRow> Page(string customer, CallFilter filter, long skip, int take, bool descending) =>
        Page(customer, filter, skip, take, $"ORDER BY start_ms {(descending ? "DESC" : "ASC")}, rowid {(descending ? "DESC" : "ASC")}");

    /// <summary>
    /// A page of the customer's calls matching <paramref name="filter"/> in <paramref name="orderBy"/>: an ORDER BY of
    /// this table's columns built by the Call Logs page's whitelist (Features/Shared/SqlSort), never text from a request.
    /// </summary>
    public IReadOnlyList<CallRow> Page(string customer, CallFilter filter, long skip, int take, string orderBy)
    {
        using var connection = Open();
        using var command = Query(connection, "SELECT id, account, start_ms, caller, callee, seconds, billed_seconds, direction, disposition, destination, charge_mills, answered_by",
            customer, filter, orderBy + " LIMIT $take OFFSET $skip");
        command.Parameters.AddWithValue("$take", take);
        command.Parameters.AddWithValue("$skip", skip);
        using var reader = command.ExecuteReader();
        var rows = new List<CallRow>(take);
        while (reader.Read())
        {
            rows.Add(Read(reader));
        }

        return rows;
    }

    /// <summary>How many of the customer's calls match.</summary>
    public long Count(string customer, CallFilter filter)
    {
        using var connection = Open();
        using var command = Query(connection, "SELECT COUNT(*)", customer, filter, string.Empty);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Visits every matching call of the customer, oldest first, without holding them in memory (CSV download).</summary>
    public void Each(string customer, CallFilter filter, Action<CallRow> visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        using var connection = Open();
        using var command = Query(connection, "SELECT id, account, start_ms, caller, callee, seconds, billed_seconds, direction, disposition, destination, charge_mills, answered_by",
            customer, filter, "ORDER BY start_ms, rowid");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            visit(Read(reader));
        }
    }

    /// <summary>
    /// How many rows the customer's xDR report of <paramref name="from"/> to <paramref name="to"/> holds: the charged calls
    /// (the journal's, which the report lists; not the switch's uncharged attempts, nor the row a call from another
    /// customer's line leaves for the caller) of the lines in <paramref name="accounts"/> (the report's: a line moved to
    /// another customer since leaves the count as it leaves the report). Counted per line in the customer's index range.
    /// </summary>
    public long CountCharged(string customer, Instant from, Instant to, IReadOnlySet<string> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT account, COUNT(*) FROM calls WHERE customer = $c AND start_ms >= $from AND start_ms < $to AND charge_mills IS NOT NULL GROUP BY account";
        command.Parameters.AddWithValue("$c", customer);
        command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        using var reader = command.ExecuteReader();
        var count = 0L;
        while (reader.Read())
        {
            if (accounts.Contains(reader.GetString(0)))
            {
                count += reader.GetInt64(1);
            }
        }

        return count;
    }

    /// <summary>
    /// Visits the customer's charged calls (those the journal holds: a charge, never a switch-only attempt) that started
    /// from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), oldest first, through SQLite's own
    /// API (SQLitePCLRaw, as <see cref="PreparedInsert"/> writes): each row's text is handed over as the UTF-8 SQLite
    /// holds, so the Transactions CSV writes a million calls without a string or record per call (bench/README.md,
    /// "Transactions CSV"), as the xDR CSV copies the journal's bytes.
    /// </summary>
    public void EachCharged(string customer, Instant from, Instant to, ChargedCallVisitor visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        using var connection = Open();
        var db = connection.Handle!;
        Check(db, raw.sqlite3_prepare_v2(db,
            "SELECT id, account, callee, destination, start_ms, billed_seconds, charge_mills FROM calls "
            + "WHERE customer = ?1 AND start_ms >= ?2 AND start_ms < ?3 AND charge_mills IS NOT NULL ORDER BY start_ms, rowid", out var statement));
        using (statement)
        {
            Check(db, raw.sqlite3_bind_text(statement, 1, customer));
            Check(db, raw.sqlite3_bind_int64(statement, 2, from.ToUnixTimeMilliseconds()));
            Check(db, raw.sqlite3_bind_int64(statement, 3, to.ToUnixTimeMilliseconds()));
            int step;
            while ((step = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                visit(new ChargedCall(raw.sqlite3_column_blob(statement, 0), raw.sqlite3_column_blob(statement, 1), raw.sqlite3_column_blob(statement, 2),
                    raw.sqlite3_column_blob(statement, 3), raw.sqlite3_column_int64(statement, 4), raw.sqlite3_column_int64(statement, 5), raw.sqlite3_column_int64(statement, 6)));
            }

            if (step != raw.SQLITE_DONE)
            {
                Check(db, step);
            }
        }
    }

    /// <summary>The last call of each of the customer's lines (for idle days).</summary>
    public IReadOnlyDictionary<string, Instant> LastCalls(string customer)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        // Answered calls only: a missed or refused call is no use of the line.
        command.CommandText = "SELECT account, MAX(start_ms) FROM calls WHERE customer = $c AND disposition = 'answered' GROUP BY account";
        command.Parameters.AddWithValue("$c", customer);
        using var reader = command.ExecuteReader();
        var last = new Dictionary<string, Instant>(StringComparer.Ordinal);
        while (reader.Read())
        {
            last[reader.GetString(0)] = Instant.FromUnixTimeMilliseconds(reader.GetInt64(1));
        }

        return last;
    }

    private static SqliteCommand Query(SqliteConnection connection, string select, string customer, CallFilter filter, string tail)
    {
        var command = connection.CreateCommand();
        var sql = new StringBuilder(select).Append(" FROM calls WHERE customer = $customer");
        command.Parameters.AddWithValue("$customer", customer);
        if (filter.From is { } from)
        {
            sql.Append(" AND start_ms >= $from");
            command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        }

        if (filter.To is { } to)
        {
            sql.Append(" AND start_ms < $to");
            command.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        }

        if (filter.Account is { } account)
        {
            // An internal call is recorded on the line called; the line that placed it is its caller.
            sql.Append(" AND (account = $account OR (direction = 'internal' AND caller = $account))");
            command.Parameters.AddWithValue("$account", account);
        }

        if (filter.Direction is { } direction)
        {
            sql.Append(" AND direction = $direction");
            command.Parameters.AddWithValue("$direction", direction);
        }

        if (filter.Disposition is { } disposition)
        {
            // The page's groups (CallSearch.Dispositions): "no-answer" is a missed call whether the ring timed out or
            // the caller gave up (cancelled); "refused" is any of the switch's refusals (limit, balance, fraud).
            sql.Append(disposition switch
            {
                "no-answer" => " AND disposition IN ('no-answer', 'cancelled')",
                "refused" => " AND disposition >= 'refused-' AND disposition < 'refused.'",
                _ => " AND disposition = $disposition",
            });
            command.Parameters.AddWithValue("$disposition", disposition);
        }

        if (filter.Number is { } number)
        {
            // Digits only (the page checks): a substring of the caller or the callee.
            sql.Append(" AND (instr(callee, $number) > 0 OR instr(caller, $number) > 0)");
            command.Parameters.AddWithValue("$number", number);
        }

        command.CommandText = sql.Append(' ').Append(tail).ToString();
        return command;
    }

    private static void Check(SQLitePCL.sqlite3 db, int result)
    {
        if (result != raw.SQLITE_OK && result != raw.SQLITE_DONE)
        {
            throw new SqliteException($"call log read: {raw.sqlite3_errmsg(db).utf8_to_string()}", result);
        }
    }

    private static CallRow Read(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), Instant.FromUnixTimeMilliseconds(r.GetInt64(2)), r.GetString(3), r.GetString(4), r.GetInt64(5), r.GetInt64(6),
        r.GetString(7), r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(10) ? null : new Mills(r.GetInt64(10)),
        r.IsDBNull(11) ? null : r.GetString(11));
}
