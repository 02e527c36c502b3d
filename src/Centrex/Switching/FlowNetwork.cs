using Centrex.Invoicing.Mail;
using Centrex.Switch.CallFlows.Async;
using Centrex.Switch.Cdrs;
using MailKit.Security;

namespace Centrex.Switching;

/// <summary>
/// What <c>serve</c> gives call flows' network nodes: the SMTP server <c>centrex mail configure</c> saved in the data
/// directory (the one invoices go out by; the password from <see cref="MailSettings.PasswordVariable"/>) for email
/// notifications, and the data directory's CDR store for routing by call history.
/// </summary>
internal static class FlowNetwork
{
    public static FlowServices Services(string dataDirectory, TextWriter log)
    {
        IFlowMailer? mail = null;
        try
        {
            if (MailSettings.Load(dataDirectory) is { } settings)
            {
                var security = settings.Security switch
                {
                    MailSecurity.StartTls => SecureSocketOptions.StartTls,
                    MailSecurity.Tls => SecureSocketOptions.SslOnConnect,
                    _ => SecureSocketOptions.None,
                };
                mail = new SmtpFlowMailer(settings.Host, settings.Port, settings.From, security, settings.Username,
                    settings.Username is null ? null : Environment.GetEnvironmentVariable(MailSettings.PasswordVariable));
            }
        }
        catch (InvalidDataException e)
        {
            log.WriteLine($"centrex serve: {e.Message}: call flows' email notifications are not sent");
        }

        return new FlowServices { Mail = mail, History = new CdrCallHistory(dataDirectory) };
    }
}
