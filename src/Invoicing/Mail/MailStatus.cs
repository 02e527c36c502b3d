namespace Centrex.Invoicing.Mail;

/// <summary>Where an outgoing message stands. Persisted by name: <c>queued</c>, <c>sent</c>, <c>failed</c>.</summary>
public enum MailStatus
{
    /// <summary>Not attempted yet (or email is not configured).</summary>
    Queued,

    /// <summary>The SMTP server accepted it.</summary>
    Sent,

    /// <summary>The last attempt failed (the reason is kept); the next send run tries again, up to <see cref="MailSender.MaxAttempts"/> attempts.</summary>
    Failed,
}
