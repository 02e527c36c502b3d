using System.CommandLine;
using Centrex.Invoicing;
using Centrex.Invoicing.Mail;
using Centrex.Invoicing.Rendering;
using Centrex.Invoicing.Store;
using Centrex.Provisioning.Store;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Cli;

/// <summary>
/// <c>centrex notify [--as-of DATE]</c>: queues the notices due that day (renewal reminders a few days before the 27th
/// for prepaid customers, overdue notices) and sends what waits. Meant to run once a day (cron); running it twice the
/// same day sends nothing twice.
/// </summary>
internal static class NotifyCommand
{
    public static Command Create(CliConsole console)
    {
        var data = DataOption.Create();
        var asOf = new Option<LocalDate?>("--as-of")
        {
            Description = "The day, YYYY-MM-DD (default: today, UTC)",
            CustomParser = OptionParsers.Optional<LocalDate>(OptionValues.TryDate, "is not a date written YYYY-MM-DD"),
        };
        var command = new Command("notify", "Queue and send the day's renewal reminders and overdue notices by email.") { data, asOf };
        command.SetAction(parse => Run(console, parse.GetRequiredValue(data), parse.GetValue(asOf), SystemClock.Instance));
        return command;
    }

    public static int Run(CliConsole console, string dataDirectory, LocalDate? asOfDay, IClock clock)
    {
        var asOf = asOfDay ?? clock.GetCurrentInstant().InUtc().Date;
        try
        {
            using (var provisioning = ProvisioningStore.Open(dataDirectory))
            using (var billing = BillingStore.Open(dataDirectory))
            {
                var due = new Notices(BillingRules.Default, ProviderInfo.Default).Due(provisioning.Load(), billing.Invoices(), billing.Balances(), asOf);
                var queued = billing.Enqueue(due, clock.GetCurrentInstant());
                console.Error.WriteLine($"centrex notify: {LocalDatePattern.Iso.Format(asOf)}: {queued:N0} notices queued ({due.Count(m => m.Key.StartsWith("reminder:", StringComparison.Ordinal)):N0} renewal reminders and {due.Count(m => m.Key.StartsWith("overdue:", StringComparison.Ordinal)):N0} overdue notices due, {due.Count - queued:N0} already queued before)");
            }

            MailCommand.SendPending(console, dataDirectory, clock);
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is InvalidDataException or SqliteException or IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"centrex notify: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
