using System.CommandLine;
using System.Globalization;
using Centrex.Invoicing.Rendering;
using Centrex.Invoicing.Sources;
using Centrex.Invoicing.Xdr;
using Centrex.Ledger;
using Centrex.Ledger.Journal;
using Centrex.Provisioning.Store;
using Centrex.Rating.Numbering;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Cli;

/// <summary>
/// <c>centrex report xdr</c>: every rated call of a customer or an account in a date range, with its charge, from the
/// data directory's journal, as CSV, XLSX or PDF, and its summary on standard error.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var data = DataOption.Create();
        var customer = new Option<string?>("--customer") { Description = "Customer id: all its accounts" };
        var account = new Option<string?>("--account") { Description = "Account id" };
        var from = Day("--from", "First day, YYYY-MM-DD, in the customer's time zone");
        var to = Day("--to", "Last day included, YYYY-MM-DD");
        var format = new Option<string>("--format") { Description = "csv, xlsx or pdf", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "xlsx", "pdf");
        var output = new Option<string>("--out") { Description = "File to write", Required = true };
        output.Validators.Add(OutputFile.MustBeWritable);
        var xdr = new Command("xdr", "Every rated call in a date range with its charge, plus a summary.") { data, customer, account, from, to, format, output };
        xdr.Validators.Add(result =>
        {
            if ((result.GetResult(customer) is null) == (result.GetResult(account) is null))
            {
                result.AddError("give exactly one of --customer ID and --account ID");
            }

            if (OptionParsers.TryGiven<LocalDate>(result, from, OptionValues.TryDate, out var first)
                && OptionParsers.TryGiven<LocalDate>(result, to, OptionValues.TryDate, out var last) && last < first)
            {
                result.AddError($"--to {LocalDatePattern.Iso.Format(last)} is before --from {LocalDatePattern.Iso.Format(first)}");
            }
        });
        xdr.SetAction((parse, cancel) => Interruptible.Run(() => Xdr(console, new XdrRequest(
            parse.GetRequiredValue(data), parse.GetValue(customer), parse.GetValue(account), parse.GetRequiredValue(from), parse.GetRequiredValue(to),
            parse.GetRequiredValue(format), parse.GetRequiredValue(output)), cancel)));
        return new Command("report", "Reports a finance team downloads.") { xdr };
    }

    public static int Xdr(CliConsole console, XdrRequest request, CancellationToken cancel)
    {
        var format = Enum.Parse<XdrFormat>(request.Format, ignoreCase: true);
        try
        {
            XdrSelection selection;
            using (var provisioning = ProvisioningStore.Open(request.Data))
            {
                if (Select(provisioning, request, request.From, request.To) is not { } found)
                {
                    return Bad(console, request.Customer is not null ? $"customer '{request.Customer}' is not provisioned in {request.Data}" : $"account '{request.Account}' is not provisioned in {request.Data}");
                }

                selection = found;
            }

            using var ledger = LedgerStore.Open(request.Data);
            var source = new LedgerJournalSource(ledger);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var summary = console.WithProgress(
                $"xDR report {Path.GetFileName(request.Output)}",
                () => source.Position,
                () => XdrReport.Write(source, selection, format, request.Output, ProviderInfo.Default, null, cancel));
            Summary(console, request, selection, summary, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            return ExitCodes.Success;
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("centrex report: interrupted; no file was written");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (e is LedgerUnavailableException or JournalFormatException or SqliteException or IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"centrex report: {e.Message}; no file was written");
            return ExitCodes.Failure;
        }
    }

    private static XdrSelection? Select(ProvisioningStore provisioning, XdrRequest request, LocalDate from, LocalDate to)
    {
        var snapshot = provisioning.Load();
        var customerId = request.Customer ?? snapshot.Accounts.FirstOrDefault(a => a.Id == request.Account)?.CustomerId;
        var customer = snapshot.Customers.FirstOrDefault(c => c.Id == customerId);
        if (customer is null)
        {
            return null;
        }

        var zone = DateTimeZoneProviders.Tzdb[customer.TimeZone];
        if (request.Account is { } account)
        {
            return new XdrSelection($"Account {account} — {customer.Company}", new HashSet<string>(StringComparer.Ordinal) { account }, zone, from, to, customer.Currency);
        }

        var accounts = snapshot.Accounts.Where(a => a.CustomerId == customer.Id).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        return new XdrSelection($"Customer {customer.Id} — {customer.Company}", accounts, zone, from, to, customer.Currency);
    }

    private static Option<LocalDate> Day(string name, string description) => new(name)
    {
        Description = description,
        Required = true,
        CustomParser = OptionParsers.Of<LocalDate>(OptionValues.TryDate, "is not a date written YYYY-MM-DD"),
    };

    private static void Summary(CliConsole console, XdrRequest request, XdrSelection selection, XdrSummary summary, TimeSpan elapsed)
    {
        var c = CultureInfo.InvariantCulture;
        var w = console.Error;
        w.WriteLine(string.Create(c, $"centrex report: {selection.Title}, calls started {LocalDatePattern.Iso.Format(request.From)} to {LocalDatePattern.Iso.Format(request.To)} ({selection.Zone.Id})"));
        w.WriteLine(string.Create(c, $"  {"class",-20} {"calls",12} {"billed min",14} {"charge",16} {"discount",14} {"net",16}"));
        foreach (var numberClass in Enum.GetValues<NumberClass>())
        {
            if (summary.Of(numberClass).Calls > 0)
            {
                Line(numberClass.ToWireName(), summary.Of(numberClass));
            }
        }

        Line("total", summary.All);
        var seconds = Math.Max(elapsed.TotalSeconds, 1e-9);
        w.WriteLine(string.Create(c, $"  {summary.All.Calls:N0} rows in {elapsed.TotalSeconds:N2} s ({summary.All.Calls / seconds:N0} rows/s)"));
        w.WriteLine($"  report: {request.Output}");

        void Line(string label, XdrSummary.Totals t) => w.WriteLine(string.Create(c,
            $"  {label,-20} {t.Calls,12:N0} {Amounts.Minutes(t.BilledSeconds),14} {Amounts.Mills(t.Charge),16} {Amounts.Mills(t.Discount),14} {Amounts.Mills(t.Net),16}"));
    }

    private static int Bad(CliConsole console, string message)
    {
        console.Error.WriteLine($"centrex report: {message}");
        return ExitCodes.BadInput;
    }
}
