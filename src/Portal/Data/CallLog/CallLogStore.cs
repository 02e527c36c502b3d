using System.Text;
using Centrex.Provisioning.Store;
using Centrex.Rating.Money;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Centrex.Portal.Data.CallLog;

/// <summary>
/// Reads and writes <c>DATA/calllog.db</c> (<see cref="CallLogSchema"/>). Reads open a connection each (SQLite in WAL
/// mode serves readers beside the one writer, the indexer); every read takes the customer it is for.
/// </summary>
public sealed class CallLogStore
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

    private static CallRow Read(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), Instant.FromUnixTimeMilliseconds(r.GetInt64(2)), r.GetString(3), r.GetString(4), r.GetInt64(5), r.GetInt64(6),
        r.GetString(7), r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(10) ? null : new Mills(r.GetInt64(10)),
        r.IsDBNull(11) ? null : r.GetString(11));
}
