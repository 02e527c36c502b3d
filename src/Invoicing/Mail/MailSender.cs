using System.Net.Sockets;
using Centrex.Invoicing.Store;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using NodaTime;

namespace Centrex.Invoicing.Mail;

/// <summary>
/// Delivers the outbox through SMTP with MailKit (seed 001: "Invoices are also automatically emailed"). Each message is
/// tried up to <see cref="TriesPerRun"/> times in a run with a pause between tries; every attempt is recorded with its
/// outcome, and a message still failing is left <see cref="MailStatus.Failed"/> with its reason for the next run (up to
/// <see cref="MaxAttempts"/> attempts in all). Nothing here throws for a delivery problem: billing never waits on mail.
/// </summary>
/// <param name="dataDirectory">The data directory (attachments are relative to it).</param>
/// <param name="settings">The SMTP server, or null when email is not configured (nothing is sent; messages wait).</param>
/// <param name="clock">Dates the attempts.</param>
public sealed class MailSender(string dataDirectory, MailSettings? settings, IClock clock)
{
    /// <summary>Attempts after which a message is no longer retried.</summary>
    public const int MaxAttempts = 10;

    /// <summary>Tries per message in one run.</summary>
    public const int TriesPerRun = 3;

    /// <summary>Pause before the second try; doubled before each further one.</summary>
    public TimeSpan RetryPause { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one SMTP operation may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Sends every queued or failed message that has attempts left, oldest first, and reports what happened.</summary>
    public MailRunResult SendPending(BillingStore store, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var pending = store.Outbox(MailStatus.Queued, MailStatus.Failed).Where(m => m.Attempts < MaxAttempts).ToList();
        if (settings is null)
        {
            return new MailRunResult(0, 0, pending.Count, pending.Count > 0 ? "email is not configured (centrex mail configure): messages wait in the outbox" : null);
        }

        int sent = 0, failed = 0;
        string? lastError = null;
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        foreach (var mail in pending)
        {
            if (cancellation.IsCancellationRequested)
            {
                break;
            }

            var error = Deliver(client, mail, cancellation);
            store.RecordAttempt(mail.Id, error is null, error, clock.GetCurrentInstant());
            if (error is null)
            {
                sent++;
            }
            else
            {
                failed++;
                lastError = error;
            }
        }

        if (client.IsConnected)
        {
            TryQuietly(() => client.Disconnect(quit: true, cancellation));
        }

        return new MailRunResult(sent, failed, pending.Count - sent - failed, lastError);
    }

    private string? Deliver(SmtpClient client, OutgoingMail mail, CancellationToken cancellation)
    {
        MimeMessage message;
        try
        {
            message = Compose(mail);
        }
        catch (IOException e)
        {
            return $"attachment unreadable: {e.Message}"; // a missing invoice file is not a reason to retry
        }

        string? error = null;
        var pause = RetryPause;
        for (var attempt = 1; attempt <= TriesPerRun; attempt++)
        {
            try
            {
                if (!client.IsConnected)
                {
                    client.Connect(settings!.Host, settings.Port, Options(settings.Security), cancellation);
                    if (settings.Username is { } user)
                    {
                        client.Authenticate(user, Environment.GetEnvironmentVariable(MailSettings.PasswordVariable) ?? string.Empty, cancellation);
                    }
                }

                client.Send(message, cancellation);
                return null;
            }
            catch (SmtpCommandException e) when (e.StatusCode is >= (SmtpStatusCode)500 and < (SmtpStatusCode)600)
            {
                return $"refused by the server: {(int)e.StatusCode} {e.Message}"; // permanent: retrying cannot help
            }
            catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or SocketException or IOException or TimeoutException or AuthenticationException or OperationCanceledException)
            {
                error = $"{Describe(e)} (try {attempt} of {TriesPerRun})";
                TryQuietly(() => client.Disconnect(quit: false, CancellationToken.None));
                if (attempt < TriesPerRun && !cancellation.IsCancellationRequested)
                {
                    Thread.Sleep(pause);
                    pause *= 2;
                }
            }
        }

        return error;
    }

    private MimeMessage Compose(OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings!.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(settings.From.Split('@').Last());
        message.Headers.Add("X-Centrex-Mail", mail.Key);
        var body = new BodyBuilder { TextBody = mail.Body };
        foreach (var attachment in mail.Attachments)
        {
            body.Attachments.Add(Path.GetFileName(attachment), File.ReadAllBytes(Path.Combine(dataDirectory, attachment)), ContentType.Parse(ContentTypeOf(attachment)));
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    private static string ContentTypeOf(string file) => Path.GetExtension(file) switch
    {
        ".pdf" => "application/pdf",
        ".csv" => "text/csv; charset=utf-8",
        _ => "application/octet-stream",
    };

    private static SecureSocketOptions Options(MailSecurity security) => security switch
    {
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        MailSecurity.Tls => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };

    private static string Describe(Exception e) => e switch
    {
        SocketException s => $"cannot reach the SMTP server: {s.SocketErrorCode} ({s.Message})",
        SmtpCommandException c => $"the server answered {(int)c.StatusCode}: {c.Message}",
        AuthenticationException => $"authentication failed: {e.Message}",
        OperationCanceledException or TimeoutException => "the SMTP server did not answer in time",
        _ => e.Message,
    };

    private static void TryQuietly(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is IOException or SocketException or ServiceNotConnectedException or SmtpProtocolException or SmtpCommandException or OperationCanceledException)
        {
            // Closing a connection that already failed: nothing more to learn.
        }
    }
}
