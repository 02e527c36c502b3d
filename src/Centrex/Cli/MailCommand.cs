using System.CommandLine;
using System.Globalization;
using Centrex.Invoicing.Mail;
using Centrex.Invoicing.Store;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Cli;

/// <summary>
/// <c>centrex mail</c>: billing's email (issue 17). <c>configure</c> writes <c>DATA/mail.json</c> (the SMTP server and
/// sender; the password comes from <c>CENTREX_SMTP_PASSWORD</c>), <c>send</c> delivers what waits in the outbox (billing
/// and <c>notify</c> queue messages and try to send them at once), <c>list</c> shows the outbox with each message's status.
/// </summary>
internal static class MailCommand
{
    public static Command Create(CliConsole console)
    {
        var configureData = DataOption.Create();
        var smtp = new Option<(string Host, int Port)>("--smtp")
        {
            Description = "SMTP server, HOST:PORT",
            Required = true,
            CustomParser = OptionParsers.Of<(string, int)>(TryHostPort, "is not HOST:PORT (port 1-65535)"),
        };
        var from = new Option<string>("--from")
        {
            Description = "Sender address, e.g. billing@example.com",
            Required = true,
            CustomParser = OptionParsers.Of<string>(TryAddress, "is not an email address"),
        };
        var security = new Option<string>("--security") { Description = "none, starttls or tls", DefaultValueFactory = _ => "none" };
        security.AcceptOnlyFromAmong("none", "starttls", "tls");
        var username = new Option<string?>("--username") { Description = "Authenticate as this user (password from CENTREX_SMTP_PASSWORD)" };
        var configure = new Command("configure", "Set the SMTP server billing's email goes through.") { configureData, smtp, from, security, username };
        configure.SetAction(parse => Configure(console, parse.GetRequiredValue(configureData), parse.GetRequiredValue(smtp), parse.GetRequiredValue(from), parse.GetRequiredValue(security), parse.GetValue(username)));

        var sendData = DataOption.Create();
        var send = new Command("send", "Send the messages waiting in the outbox (queued, or failed with attempts left).") { sendData };
        send.SetAction(parse => Send(console, parse.GetRequiredValue(sendData), SystemClock.Instance));

        var listData = DataOption.Create();
        var list = new Command("list", "List the outbox: every message with its status, attempts and last error.") { listData };
        list.SetAction(parse => List(console, parse.GetRequiredValue(listData)));
        return new Command("mail", "Billing email: invoices, reminders and overdue notices through SMTP.") { configure, send, list };
    }

    public static int Configure(CliConsole console, string dataDirectory, (string Host, int Port) smtp, string from, string security, string? username)
    {
        var level = security switch { "starttls" => MailSecurity.StartTls, "tls" => MailSecurity.Tls, _ => MailSecurity.None };
        new MailSettings(smtp.Host, smtp.Port, level, from, username).Save(dataDirectory);
        console.Error.WriteLine($"centrex mail: email goes through {smtp.Host}:{smtp.Port} ({security}) from {from}; settings in {Path.Combine(dataDirectory, MailSettings.FileName)}");
        return ExitCodes.Success;
    }

    private static bool TryHostPort(string text, out (string Host, int Port) value)
    {
        var colon = text.LastIndexOf(':');
        var ok = colon > 0 && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535;
        value = ok ? (text[..colon], int.Parse(text.AsSpan(colon + 1), CultureInfo.InvariantCulture)) : default;
        return ok;
    }

    private static bool TryAddress(string text, out string value)
    {
        value = text;
        return text.Contains('@', StringComparison.Ordinal) && MimeKit.MailboxAddress.TryParse(text, out _);
    }

    public static int Send(CliConsole console, string dataDirectory, IClock clock)
    {
        try
        {
            SendPending(console, dataDirectory, clock);
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is InvalidDataException or SqliteException or IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"centrex mail: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>
    /// Sends what waits and prints one summary line. Used after billing and notices too: a delivery problem is reported,
    /// recorded in the outbox and never fails the command that issued the invoices.
    /// </summary>
    /// <param name="console">Where the summary line goes.</param>
    /// <param name="dataDirectory">The data directory.</param>
    /// <param name="clock">Dates the attempts.</param>
    /// <param name="settings">Where to send instead of the data directory's <c>mail.json</c> (the demo's own mailbox).</param>
    public static MailRunResult SendPending(CliConsole console, string dataDirectory, IClock clock, MailSettings? settings = null)
    {
        using var store = BillingStore.Open(dataDirectory);
        var result = new MailSender(dataDirectory, settings ?? MailSettings.Load(dataDirectory), clock).SendPending(store);
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  email              {result.Sent,12:N0} sent, {result.Failed:N0} failed, {result.Waiting:N0} waiting{(result.LastError is null ? string.Empty : $" ({result.LastError})")}"));
        return result;
    }

    public static int List(CliConsole console, string dataDirectory)
    {
        try
        {
            using var store = BillingStore.Open(dataDirectory);
            console.Out.WriteLine($"{"key",-28} {"to",-36} {"status",-7} {"tries",5} {"sent at",-20} last error");
            foreach (var m in store.Outbox())
            {
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{m.Key,-28} {m.To,-36} {m.Status.ToString().ToLowerInvariant(),-7} {m.Attempts,5} {(m.SentAt is { } at ? InstantPattern.General.Format(at) : string.Empty),-20} {m.LastError}"));
            }

            return ExitCodes.Success;
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"centrex mail: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
