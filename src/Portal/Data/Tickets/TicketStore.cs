using Centrex.Provisioning.Store;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Centrex.Portal.Data.Tickets;

/// <summary>
/// Trouble tickets (seed 004, Trouble Tickets tab; issue 16: "open, reply, close; the operator answers") in
/// <c>DATA/tickets.db</c>. Every read and change of a customer's ticket takes the customer id and matches it in the
/// query, so a ticket of another customer is simply not found. Statuses: <c>new</c> (waiting for the operator),
/// <c>open</c> (answered, waiting for the customer), <c>resolved</c> (closed). A customer knows its tickets by their
/// number among its own (1, 2, 3, …), never by the store's id, which counts every customer's (review of issue 16,
/// finding 14); and it keeps at most <see cref="MaxOpen"/> tickets not resolved, opens at most
/// <see cref="MaxPerDay"/> a day and writes at most <see cref="MaxMessages"/> messages in one (finding 9: 46 tickets of
/// 10 KB were taken in 9 s, and nothing stopped more), so what one customer can store is bounded.
/// </summary>
public sealed class TicketStore
{
    /// <summary>File name in the data directory.</summary>
    public const string FileName = "tickets.db";

    /// <summary>Longest subject.</summary>
    public const int MaxSubject = 200;

    /// <summary>Longest message.</summary>
    public const int MaxBody = 10_000;

    /// <summary>Tickets of one customer not resolved at once.</summary>
    public const int MaxOpen = 20;

    /// <summary>Tickets one customer opens in 24 hours.</summary>
    public const int MaxPerDay = 50;

    /// <summary>Messages in one ticket, the first included.</summary>
    public const int MaxMessages = 100;

    private const string Columns = "id, number, customer_id, subject, status, requestor, created_ms, updated_ms";

    // A customer's ticket by its number; any ticket by its id for the operator (customer null).
    private const string Which = "(($c IS NULL AND id = $id) OR (customer_id = $c AND number = $id))";

    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE tickets (
            id INTEGER PRIMARY KEY, customer_id TEXT NOT NULL, subject TEXT NOT NULL,
            status TEXT NOT NULL, requestor TEXT NOT NULL, created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL);
        CREATE INDEX tickets_by_customer ON tickets(customer_id, updated_ms);
        CREATE TABLE ticket_messages (
            id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL REFERENCES tickets(id), author TEXT NOT NULL,
            from_operator INTEGER NOT NULL, body TEXT NOT NULL, at_ms INTEGER NOT NULL);
        CREATE INDEX messages_by_ticket ON ticket_messages(ticket_id, id);
        """,

        // Each customer's own numbers (review of issue 16, finding 14), given to the tickets already there in the order
        // they were opened; the open ones counted per customer for MaxOpen.
        """
        ALTER TABLE tickets ADD COLUMN number INTEGER NOT NULL DEFAULT 0;
        UPDATE tickets SET number = (SELECT COUNT(*) FROM tickets t WHERE t.customer_id = tickets.customer_id AND t.id <= tickets.id);
        CREATE UNIQUE INDEX tickets_number ON tickets(customer_id, number);
        CREATE INDEX tickets_by_status ON tickets(customer_id, status);
        """,
    ];

    private readonly string _connectionString;

    public TicketStore(string dataDirectory)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, FileName), Pooling = true }.ToString();
        using var connection = Open();
        SqliteMigrator.Migrate(connection, Migrations, FileName);
    }

    /// <summary>
    /// Opens a ticket with its first message; returns its number among the customer's, or null when the customer has
    /// <see cref="MaxOpen"/> tickets not resolved or opened <see cref="MaxPerDay"/> in the last 24 hours (checked in the
    /// same statement that inserts, so tickets opened at once cannot pass the limits together).
    /// </summary>
    public long? Create(string customerId, string requestor, string subject, string body, Instant now)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO tickets (customer_id, number, subject, status, requestor, created_ms, updated_ms)
            SELECT $c, n, $s, 'new', $r, $now, $now FROM (SELECT COALESCE(MAX(number), 0) + 1 AS n FROM tickets WHERE customer_id = $c)
            WHERE (SELECT COUNT(*) FROM tickets WHERE customer_id = $c AND status <> 'resolved') < $open
              AND (SELECT COUNT(*) FROM tickets WHERE customer_id = $c AND created_ms > $since) < $day
            RETURNING id, number
            """;
        foreach (var (name, value) in new (string, object)[] { ("$c", customerId), ("$s", subject), ("$r", requestor), ("$now", now.ToUnixTimeMilliseconds()),
            ("$open", MaxOpen), ("$since", (now - Duration.FromDays(1)).ToUnixTimeMilliseconds()), ("$day", MaxPerDay) })
        {
            insert.Parameters.AddWithValue(name, value);
        }

        long id, number;
        using (var reader = insert.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }

            (id, number) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        Scalar(connection, transaction, "INSERT INTO ticket_messages (ticket_id, author, from_operator, body, at_ms) VALUES ($t, $a, 0, $b, $now)",
            ("$t", id), ("$a", requestor), ("$b", body), ("$now", now.ToUnixTimeMilliseconds()));
        transaction.Commit();
        return number;
    }

    /// <summary>How many tickets of the customer are not resolved.</summary>
    public long OpenCount(string customerId)
    {
        using var connection = Open();
        return (long)Scalar(connection, null, "SELECT COUNT(*) FROM tickets WHERE customer_id = $c AND status <> 'resolved'", ("$c", customerId))!;
    }

    /// <summary>
    /// A page of the customer's tickets (every customer's when <paramref name="customerId"/> is null) in
    /// <paramref name="orderBy"/>: an ORDER BY of this table's columns from a whitelist (<see cref="Features.Shared.SqlSort"/>).
    /// </summary>
    public IReadOnlyList<Ticket> Page(string? customerId, string? status, string orderBy, int skip, int take)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM tickets WHERE ($c IS NULL OR customer_id = $c) AND ($s IS NULL OR status = $s) {orderBy} LIMIT $take OFFSET $skip";
        command.Parameters.AddWithValue("$c", (object?)customerId ?? DBNull.Value);
        command.Parameters.AddWithValue("$s", (object?)status ?? DBNull.Value);
        command.Parameters.AddWithValue("$take", take);
        command.Parameters.AddWithValue("$skip", skip);
        using var reader = command.ExecuteReader();
        var tickets = new List<Ticket>();
        while (reader.Read())
        {
            tickets.Add(Read(reader));
        }

        return tickets;
    }

    /// <summary>How many tickets <see cref="Page"/> pages through.</summary>
    public long Count(string? customerId, string? status)
    {
        using var connection = Open();
        return (long)Scalar(connection, null, "SELECT COUNT(*) FROM tickets WHERE ($c IS NULL OR customer_id = $c) AND ($s IS NULL OR status = $s)", ("$c", customerId), ("$s", status))!;
    }

    /// <summary>
    /// The ticket numbered <paramref name="id"/> among <paramref name="customerId"/>'s (for the operator,
    /// <paramref name="customerId"/> null: the ticket whose id it is); else null.
    /// </summary>
    public (Ticket Ticket, IReadOnlyList<TicketMessage> Messages)? Find(long id, string? customerId)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM tickets WHERE {Which}";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$c", (object?)customerId ?? DBNull.Value);
        Ticket ticket;
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }

            ticket = Read(reader);
        }

        using var messages = connection.CreateCommand();
        messages.CommandText = "SELECT author, from_operator, body, at_ms FROM ticket_messages WHERE ticket_id = $id ORDER BY id";
        messages.Parameters.AddWithValue("$id", ticket.Id);
        using var m = messages.ExecuteReader();
        var list = new List<TicketMessage>();
        while (m.Read())
        {
            list.Add(new TicketMessage(m.GetString(0), m.GetInt64(1) != 0, m.GetString(2), Instant.FromUnixTimeMilliseconds(m.GetInt64(3))));
        }

        return (ticket, list);
    }

    /// <summary>
    /// Adds a message to ticket <paramref name="id"/> (a number of <paramref name="customerId"/>'s; the id for the
    /// operator, null); an operator's answer makes it <c>open</c>, a customer's <c>new</c> again. Refused when there is no
    /// such ticket, when it holds <see cref="MaxMessages"/> already, or when a customer's reply would reopen a resolved
    /// ticket while <see cref="MaxOpen"/> others are open (checked in the UPDATE itself, as <see cref="Create"/> checks in
    /// its INSERT, so replies sent at once cannot pass the cap together); the operator's answers are not capped.
    /// </summary>
    public TicketReply Reply(long id, string? customerId, string author, bool fromOperator, string body, Instant now)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var changed = Scalar(connection, transaction,
            $"""
            UPDATE tickets SET status = $status, updated_ms = $now WHERE {Which}
              AND (SELECT COUNT(*) FROM ticket_messages WHERE ticket_id = tickets.id) < $max
              AND ($capped = 0 OR status <> 'resolved'
                   OR (SELECT COUNT(*) FROM tickets t WHERE t.customer_id = tickets.customer_id AND t.status <> 'resolved') < $open)
            RETURNING id
            """,
            ("$status", fromOperator ? "open" : "new"), ("$now", now.ToUnixTimeMilliseconds()), ("$id", id), ("$c", customerId),
            ("$max", MaxMessages), ("$capped", fromOperator ? 0 : 1), ("$open", MaxOpen));
        if (changed is null)
        {
            // Which condition refused it, read in the same transaction as the UPDATE that did not match.
            var messages = Scalar(connection, transaction, $"SELECT (SELECT COUNT(*) FROM ticket_messages WHERE ticket_id = tickets.id) FROM tickets WHERE {Which}",
                ("$id", id), ("$c", customerId));
            return messages is null ? TicketReply.NotFound : (long)messages >= MaxMessages ? TicketReply.Full : TicketReply.TooManyOpen;
        }

        Scalar(connection, transaction, "INSERT INTO ticket_messages (ticket_id, author, from_operator, body, at_ms) VALUES ($t, $a, $o, $b, $now)",
            ("$t", changed), ("$a", author), ("$o", fromOperator ? 1 : 0), ("$b", body), ("$now", now.ToUnixTimeMilliseconds()));
        transaction.Commit();
        return TicketReply.Added;
    }

    /// <summary>Closes (resolves) the ticket; false when there is no such ticket of <paramref name="customerId"/>.</summary>
    public bool Close(long id, string? customerId, Instant now)
    {
        using var connection = Open();
        return Scalar(connection, null, $"UPDATE tickets SET status = 'resolved', updated_ms = $now WHERE {Which} RETURNING id",
            ("$now", now.ToUnixTimeMilliseconds()), ("$id", id), ("$c", customerId)) is not null;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command.ExecuteScalar();
    }

    private static Ticket Read(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
        Instant.FromUnixTimeMilliseconds(r.GetInt64(6)), Instant.FromUnixTimeMilliseconds(r.GetInt64(7)));
}
