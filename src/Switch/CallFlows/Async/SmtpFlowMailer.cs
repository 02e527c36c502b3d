using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Centrex.Switch.CallFlows.Async;

/// <summary>
/// Sends email notifications through the operator's SMTP server with MailKit, as invoicing sends its mail
/// (<c>Centrex.Invoicing.Mail.MailSender</c>; <c>serve</c> gives this the server <c>centrex mail configure</c> saved).
/// One connection per mail, fully async: a notification is rare next to calls, and no connection is held between them.
/// </summary>
/// <param name="host">The SMTP server.</param>
/// <param name="port">Its port.</param>
/// <param name="from">The sender address.</param>
/// <param name="security">How the connection is secured.</param>
/// <param name="username">A user name to authenticate with, or null.</param>
/// <param name="password">Its password.</param>
public sealed class SmtpFlowMailer(string host, int port, string from, SecureSocketOptions security = SecureSocketOptions.None, string? username = null, string? password = null) : IFlowMailer
{
    /// <inheritdoc/>
    public async Task SendAsync(FlowMail mail, CancellationToken cancellation)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Headers.Add("X-Centrex-Mail", "call-flow");
        message.Body = new TextPart("plain") { Text = mail.Body };
        using var client = new SmtpClient();
        await client.ConnectAsync(host, port, security, cancellation).ConfigureAwait(false);
        if (username is not null)
        {
            await client.AuthenticateAsync(username, password ?? string.Empty, cancellation).ConfigureAwait(false);
        }

        await client.SendAsync(message, cancellation).ConfigureAwait(false);
        await client.DisconnectAsync(quit: true, cancellation).ConfigureAwait(false);
    }
}
