using Centrex.Provisioning.Store;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Centrex.Portal.Data.Tickets;

/// <summary>
/// Trouble tickets (seed 004, Trouble Tickets tab; issue 16: "open, reply, close; the operator answers") in
/// <c>DATA/tickets.db</c>. Every read and change of a customer's ticket takes the customer id and matches it in the
/// query, so a ticket of another customer is simply not found. Statuses: <c>new</c> (waiting for the operator),
/// <c>open</c> (answered, waiting for the customer), <c>resolved</c> (closed).
/// </summary>
public sealed class TicketStore
{
    /// <summary>File name in the data directory.</summary>
    public const string FileName = "tickets.db";

    /// <summary>Longest subject.</summary>
    public const int MaxSubject = 200;

    /// <summary>Longest message.</summary>
    public const int MaxBody = 10_000;

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
    ];

    private readonly string _connectionString;

    public TicketStore(string dataDirectory)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, FileName), Pooling = true }.ToString();
        using var connection = Open();
        SqliteMigrator.Migrate(connection, Migrations, FileName);
    }

    /// <summary>Opens a ticket with its first message; returns its id.</summary>
    public long Create(string customerId, string requestor, string subject, string body, Instant now)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var id = (long)Scalar(connection, transaction,
            "INSERT INTO tickets (customer_id, subject, status, requestor, created_ms, updated_ms) VALUES ($c, $s, 'new', $r, $now, $now) RETURNING id",
            ("$c", customerId), ("$s", subject), ("$r", requestor), ("$now", now.ToUnixTimeMilliseconds()))!;
        Scalar(connection, transaction, "INSERT INTO ticket_messages (ticket_id, author, from_operator, body, at_ms) VALUES ($t, $a, 0, $b, $now)",
            ("$t", id), ("$a", requestor), ("$b", body), ("$now", now.ToUnixTimeMilliseconds()));
        transaction.Commit();
        return id;
    }

    /// <summary>The customer's tickets (or every customer's, for the operator, when <paramref name="customerId"/> is null), latest first.</summary>
    public IReadOnlyList<Ticket> List(string? customerId, string? status = null)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, customer_id, subject, status, requestor, created_ms, updated_ms FROM tickets WHERE ($c IS NULL OR customer_id = $c) AND ($s IS NULL OR status = $s) ORDER BY updated_ms DESC, id DESC";
        command.Parameters.AddWithValue("$c", (object?)customerId ?? DBNull.Value);
        command.Parameters.AddWithValue("$s", (object?)status ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var tickets = new List<Ticket>();
        while (reader.Read())
        {
            tickets.Add(Read(reader));
        }

        return tickets;
    }

    /// <summary>The ticket <paramref name="id"/> when it is <paramref name="customerId"/>'s (any customer's when null); else null.</summary>
    public (Ticket Ticket, IReadOnlyList<TicketMessage> Messages)? Find(long id, string? customerId)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, customer_id, subject, status, requestor, created_ms, updated_ms FROM tickets WHERE id = $id AND ($c IS NULL OR customer_id = $c)";
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
        messages.Parameters.AddWithValue("$id", id);
        using var m = messages.ExecuteReader();
        var list = new List<TicketMessage>();
        while (m.Read())
        {
            list.Add(new TicketMessage(m.GetString(0), m.GetInt64(1) != 0, m.GetString(2), Instant.FromUnixTimeMilliseconds(m.GetInt64(3))));
        }

        return (ticket, list);
    }

    /// <summary>
    /// Adds a message to ticket <paramref name="id"/> of <paramref name="customerId"/> (any customer's for the operator,
    /// null); an operator's answer makes it <c>open</c>, a customer's <c>new</c> again. False when there is no such ticket.
    /// </summary>
    public bool Reply(long id, string? customerId, string author, bool fromOperator, string body, Instant now)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var changed = Scalar(connection, transaction,
            "UPDATE tickets SET status = $status, updated_ms = $now WHERE id = $id AND ($c IS NULL OR customer_id = $c) RETURNING id",
            ("$status", fromOperator ? "open" : "new"), ("$now", now.ToUnixTimeMilliseconds()), ("$id", id), ("$c", customerId));
        if (changed is null)
        {
            return false;
        }

        Scalar(connection, transaction, "INSERT INTO ticket_messages (ticket_id, author, from_operator, body, at_ms) VALUES ($t, $a, $o, $b, $now)",
            ("$t", id), ("$a", author), ("$o", fromOperator ? 1 : 0), ("$b", body), ("$now", now.ToUnixTimeMilliseconds()));
        transaction.Commit();
        return true;
    }

    /// <summary>Closes (resolves) the ticket; false when there is no such ticket of <paramref name="customerId"/>.</summary>
    public bool Close(long id, string? customerId, Instant now)
    {
        using var connection = Open();
        return Scalar(connection, null, "UPDATE tickets SET status = 'resolved', updated_ms = $now WHERE id = $id AND ($c IS NULL OR customer_id = $c) RETURNING id",
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
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
        Instant.FromUnixTimeMilliseconds(r.GetInt64(5)), Instant.FromUnixTimeMilliseconds(r.GetInt64(6)));
}
