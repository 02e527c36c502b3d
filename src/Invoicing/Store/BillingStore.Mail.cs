using Centrex.Invoicing.Mail;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Invoicing.Store;

/// <summary>The email outbox of the billing store (<c>mail_outbox</c>, <c>mail_attempts</c>).</summary>
public sealed partial class BillingStore
{
    private static readonly string[] StatusNames = ["queued", "sent", "failed"];

    /// <summary>Queues messages whose key is not queued yet; returns how many were queued.</summary>
    public int Enqueue(IEnumerable<NewMail> mails, Instant at)
    {
        ArgumentNullException.ThrowIfNull(mails);
        using var transaction = _connection.BeginTransaction();
        var count = mails.Count(mail => Enqueue(transaction, mail, at));
        transaction.Commit();
        return count;
    }

    /// <summary>The outbox, oldest first: every message, or those with one of <paramref name="statuses"/>.</summary>
    public IReadOnlyList<OutgoingMail> Outbox(params MailStatus[] statuses) => Query(
        "SELECT id, key, customer_id, recipient, subject, body, attachments, status, attempts, last_error, queued_at, sent_at FROM mail_outbox ORDER BY id",
        r => new OutgoingMail(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
            r.GetString(6).Split('\n', StringSplitOptions.RemoveEmptyEntries), (MailStatus)Array.IndexOf(StatusNames, r.GetString(7)), r.GetInt32(8),
            r.IsDBNull(9) ? null : r.GetString(9), InstantPattern.General.Parse(r.GetString(10)).Value, r.IsDBNull(11) ? null : InstantPattern.General.Parse(r.GetString(11)).Value))
        .Where(m => statuses.Length == 0 || statuses.Contains(m.Status)).ToList();

    /// <summary>Records one delivery attempt: sent, or failed with its reason.</summary>
    public void RecordAttempt(long id, bool sent, string? error, Instant at)
    {
        using var transaction = _connection.BeginTransaction();
        var when = InstantPattern.General.Format(at);
        Execute(transaction, "UPDATE mail_outbox SET status = $s, attempts = attempts + 1, last_error = $e, sent_at = $at WHERE id = $id",
            ("$s", sent ? "sent" : "failed"), ("$e", sent ? null : error), ("$at", sent ? when : null), ("$id", id));
        Execute(transaction, "INSERT INTO mail_attempts (mail_id, at, outcome, detail) VALUES ($id, $at, $o, $d)",
            ("$id", id), ("$at", when), ("$o", sent ? "sent" : "failed"), ("$d", error));
        transaction.Commit();
    }

    /// <summary>Every recorded attempt of a message: when, outcome and detail.</summary>
    public IReadOnlyList<(Instant At, string Outcome, string? Detail)> Attempts(long id) => Query(
        "SELECT at, outcome, detail FROM mail_attempts WHERE mail_id = $id ORDER BY id",
        r => (InstantPattern.General.Parse(r.GetString(0)).Value, r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2)), ("$id", id));

    private bool Enqueue(SqliteTransaction transaction, NewMail mail, Instant at)
    {
        using var command = Command(transaction,
            "INSERT INTO mail_outbox (key, customer_id, recipient, subject, body, attachments, status, attempts, queued_at) VALUES ($k, $c, $r, $s, $b, $a, 'queued', 0, $at) ON CONFLICT(key) DO NOTHING",
            ("$k", mail.Key), ("$c", mail.CustomerId), ("$r", mail.To), ("$s", mail.Subject), ("$b", mail.Body), ("$a", string.Join('\n', mail.Attachments)),
            ("$at", InstantPattern.General.Format(at)));
        return command.ExecuteNonQuery() == 1;
    }
}
