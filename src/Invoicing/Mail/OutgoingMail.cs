using NodaTime;

namespace Centrex.Invoicing.Mail;

/// <summary>
/// One message in the outbox (<c>mail_outbox</c> in <c>DATA/billing.db</c>): queued in the same transaction as what it
/// announces, then sent, retried and recorded by <see cref="MailSender"/>.
/// </summary>
/// <param name="Id">Row id.</param>
/// <param name="Key">What it is about, unique: <c>invoice:000042</c>, <c>overdue:000042</c>, <c>reminder:CUST:2026-11</c>. Never sent twice.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="To">The recipient address (the customer's email).</param>
/// <param name="Subject">Subject line.</param>
/// <param name="Body">Plain-text body.</param>
/// <param name="Attachments">Files to attach, relative to the data directory.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Attempts">Delivery attempts so far.</param>
/// <param name="LastError">Why the last attempt failed, or null.</param>
/// <param name="QueuedAt">When it was queued.</param>
/// <param name="SentAt">When the server accepted it, or null.</param>
public sealed record OutgoingMail(long Id, string Key, string CustomerId, string To, string Subject, string Body, IReadOnlyList<string> Attachments,
    MailStatus Status, int Attempts, string? LastError, Instant QueuedAt, Instant? SentAt);
