using System.CommandLine;
using System.Globalization;
using System.Text;
using Centrex.Invoicing.Rendering;
using Centrex.Invoicing.Sources;
using Centrex.Invoicing.Store;
using Centrex.Invoicing.Transactions;
using Centrex.Ledger;
using Centrex.Ledger.Journal;
using Centrex.Provisioning.Store;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Cli;

/// <summary>
/// <c>centrex transactions --customer ID --from DATE --to DATE [--service S] [--format csv] [--out FILE]</c>: every
/// movement of a customer's money in a date range (seed 004, Transactions) as CSV, and the totals per service on
/// standard error (transactions, charged quantity, amount).
/// </summary>
internal static class TransactionsCommand
{
    public static Command Create(CliConsole console)
    {
        var data = DataOption.Create();
        var customer = new Option<string>("--customer") { Description = "Customer id", Required = true };
        var from = new Option<LocalDate>("--from")
        {
            Description = "First day, YYYY-MM-DD, in the customer's time zone",
            Required = true,
            CustomParser = OptionParsers.Of<LocalDate>(OptionValues.TryDate, "is not a date written YYYY-MM-DD"),
        };
        var to = new Option<LocalDate>("--to")
        {
            Description = "Last day included, YYYY-MM-DD",
            Required = true,
            CustomParser = OptionParsers.Of<LocalDate>(OptionValues.TryDate, "is not a date written YYYY-MM-DD"),
        };
        var service = new Option<string?>("--service") { Description = "Only one service: " + string.Join(", ", TransactionReport.Services) };
        service.AcceptOnlyFromAmong([.. TransactionReport.Services]);
        var format = new Option<string>("--format") { Description = "csv", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv");
        var output = new Option<string?>("--out") { Description = "File to write (default: standard output)" };
        var command = new Command("transactions", "A customer's transactions (calls, subscriptions, fees, adjustments, payments, refunds...) in a date range, with totals per service.")
        {
            data, customer, from, to, service, format, output,
        };
        command.Validators.Add(result =>
        {
            if (OptionParsers.TryGiven<LocalDate>(result, from, OptionValues.TryDate, out var first) && OptionParsers.TryGiven<LocalDate>(result, to, OptionValues.TryDate, out var last) && last < first)
            {
                result.AddError($"--to {LocalDatePattern.Iso.Format(last)} is before --from {LocalDatePattern.Iso.Format(first)}");
            }
        });
        command.SetAction(parse => Run(console, parse.GetRequiredValue(data), parse.GetRequiredValue(customer), parse.GetRequiredValue(from), parse.GetRequiredValue(to), parse.GetValue(service), parse.GetValue(output)));
        return command;
    }

    public static int Run(CliConsole console, string dataDirectory, string customerId, LocalDate from, LocalDate to, string? service, string? output)
    {
        var fromText = LocalDatePattern.Iso.Format(from);
        var toText = LocalDatePattern.Iso.Format(to);
        try
        {
            using var provisioning = ProvisioningStore.Open(dataDirectory);
            var snapshot = provisioning.Load();
            if (snapshot.Customers.FirstOrDefault(c => c.Id == customerId) is not { } customer)
            {
                console.Error.WriteLine($"centrex transactions: customer '{customerId}' is not provisioned in {dataDirectory}");
                return ExitCodes.BadInput;
            }

            using var billing = BillingStore.Open(dataDirectory);
            using var ledger = LedgerStore.Open(dataDirectory);
            var source = new LedgerJournalSource(ledger);
            var transactions = console.WithProgress("transactions", () => source.Position, () => TransactionReport.Build(
                customer, [.. snapshot.Accounts.Where(a => a.CustomerId == customer.Id)], [.. snapshot.Payments.Where(p => p.CustomerId == customer.Id)],
                billing, source, from, to, service));
            if (output is null)
            {
                TransactionReport.WriteCsv(transactions, console.Out);
            }
            else
            {
                using (var writer = new StreamWriter(output + ".partial", append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
                {
                    TransactionReport.WriteCsv(transactions, writer);
                }

                File.Move(output + ".partial", output, overwrite: true);
            }

            var c = CultureInfo.InvariantCulture;
            console.Error.WriteLine($"centrex transactions: customer {customer.Id}, {fromText} to {toText} ({customer.TimeZone}), amounts in {customer.Currency}");
            console.Error.WriteLine(string.Create(c, $"  {"service",-14} {"transactions",12} {"quantity",14} {"amount",16}"));
            foreach (var (name, count, quantity, amount) in TransactionReport.Totals(transactions))
            {
                console.Error.WriteLine(string.Create(c, $"  {name,-14} {count,12:N0} {(name == "calls" ? $"{quantity:N0} s" : quantity.ToString("N0", c)),14} {Amounts.Mills(amount),16}"));
            }

            console.Error.WriteLine(string.Create(c, $"  {"total",-14} {transactions.Count,12:N0} {string.Empty,14} {Amounts.Mills(transactions.Aggregate(Rating.Money.Mills.Zero, (s, t) => s + t.Amount)),16}"));
            if (output is not null)
            {
                console.Error.WriteLine($"  transactions: {output}");
            }

            return ExitCodes.Success;
        }
        catch (Exception e) when (e is LedgerUnavailableException or JournalFormatException or SqliteException or IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"centrex transactions: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
