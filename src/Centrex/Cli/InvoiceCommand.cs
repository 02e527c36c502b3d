using System.CommandLine;
using System.Globalization;
using Centrex.Invoicing;
using Centrex.Invoicing.Cycle;
using Centrex.Invoicing.Invoices;
using Centrex.Invoicing.Rendering;
using Centrex.Invoicing.Sources;
using Centrex.Invoicing.Store;
using Centrex.Invoicing.Taxes;
using Centrex.Ledger;
using Centrex.Provisioning;
using Centrex.Provisioning.Store;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Cli;

/// <summary>
/// <c>centrex invoice list</c>: issued invoices with their payment status on a day (self-care manual, Invoices: Do Not
/// Pay, Unpaid, Partially Paid, Paid, Overdue, N/A), payments applied to the oldest unpaid invoice first.
/// <c>centrex invoice reissue NUMBER --reason TEXT</c>: the correction of an issued invoice, which is immutable: it is
/// voided (its ledger entries reversed) and a new invoice with the next number replaces it.
/// </summary>
internal static class InvoiceCommand
{
    public static Command Create(CliConsole console)
    {
        var listData = DataOption.Create();
        var customer = new Option<string?>("--customer") { Description = "Only this customer's invoices" };
        var asOf = new Option<LocalDate?>("--as-of")
        {
            Description = "Status on this day, YYYY-MM-DD (default: today, UTC)",
            CustomParser = OptionParsers.Optional<LocalDate>(OptionValues.TryDate, "is not a date written YYYY-MM-DD"),
        };
        var number = new Option<long?>("--number") { Description = "Only the invoice with this number" };
        var from = new Option<LocalDate?>("--from")
        {
            Description = "Only invoices dated on or after this day, YYYY-MM-DD",
            CustomParser = OptionParsers.Optional<LocalDate>(OptionValues.TryDate, "is not a date written YYYY-MM-DD"),
        };
        var to = new Option<LocalDate?>("--to")
        {
            Description = "Only invoices dated on or before this day, YYYY-MM-DD",
            CustomParser = OptionParsers.Optional<LocalDate>(OptionValues.TryDate, "is not a date written YYYY-MM-DD"),
        };
        var list = new Command("list", "List issued invoices (void ones included, marked) with their status, payments applied oldest first.") { listData, customer, asOf, number, from, to };
        list.SetAction(parse => List(console, parse.GetRequiredValue(listData), parse.GetValue(customer), parse.GetValue(asOf), SystemClock.Instance,
            new InvoiceSearch(parse.GetValue(number), parse.GetValue(from), parse.GetValue(to))));

        var reissueData = DataOption.Create();
        var reissueNumber = new Argument<long>("NUMBER") { Description = "The invoice to void and reissue (the customer's latest)" };
        var reason = new Option<string>("--reason") { Description = "Why, kept with the void", Required = true };
        var reissue = new Command("reissue", "Void an issued invoice and issue its correction from today's provisioning and calls.") { reissueData, reissueNumber, reason };
        reissue.SetAction(parse => Reissue(console, parse.GetRequiredValue(reissueData), parse.GetValue(reissueNumber), parse.GetRequiredValue(reason), SystemClock.Instance));
        return new Command("invoice", "Issued invoices: statuses and corrections.") { list, reissue };
    }

    public static int List(CliConsole console, string dataDirectory, string? customerId, LocalDate? asOfDay, IClock clock, InvoiceSearch? search = null)
    {
        search ??= new InvoiceSearch(null, null, null);
        var asOf = asOfDay ?? clock.GetCurrentInstant().InUtc().Date;
        try
        {
            using var provisioning = ProvisioningStore.Open(dataDirectory);
            using var billing = BillingStore.Open(dataDirectory);
            var snapshot = provisioning.Load();
            var payments = snapshot.Payments.ToLookup(p => p.CustomerId, StringComparer.Ordinal);
            var currencies = snapshot.Customers.ToDictionary(x => x.Id, x => x.Currency, StringComparer.Ordinal);
            var c = CultureInfo.InvariantCulture;
            console.Out.WriteLine(string.Create(c, $"{"invoice",-8} {"customer",-12} {"period",-8} {"due",-10} {"total",14} {"amount due",14} {"paid",14} status (as of {LocalDatePattern.Iso.Format(asOf)})"));
            foreach (var group in billing.Invoices(customerId).GroupBy(i => i.CustomerId, StringComparer.Ordinal))
            {
                // Statuses are computed over all the customer's invoices (payments go to the oldest first), then filtered.
                var currency = currencies.GetValueOrDefault(group.Key, "USD");
                foreach (var s in InvoiceStatusCalculator.Compute(group, payments[group.Key], asOf, currency)
                             .Where(s => (search.Number is null || s.Invoice.Number == search.Number) && (search.From is null || s.Invoice.IssuedOn >= search.From) && (search.To is null || s.Invoice.IssuedOn <= search.To)))
                {
                    var i = s.Invoice;
                    var issuedIn = i.CurrencyOr(currency);
                    console.Out.WriteLine(string.Create(c,
                        $"{PdfInvoiceRenderer.InvoiceNumber(i.Number),-8} {i.CustomerId,-12} {YearMonthPattern.Iso.Format(i.Period),-8} {LocalDatePattern.Iso.Format(i.DueOn),-10} {Amounts.Exact(i.Total, issuedIn),14} {Amounts.Money(i.AmountDue, issuedIn),14} {Amounts.Money(s.Paid, issuedIn),14} {s.Status.ToDisplayName()}{(i.Void ? " (void)" : string.Empty)}"));
                }
            }

            return ExitCodes.Success;
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"centrex invoice: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    public static int Reissue(CliConsole console, string dataDirectory, long number, string reason, IClock clock)
    {
        try
        {
            using var ledger = LedgerStore.Open(dataDirectory);
            var cycle = new BillingCycle(dataDirectory, new LedgerJournalSource(ledger), clock, BillingRules.Default, TaxTable.Default, ProviderInfo.Default);
            var invoice = cycle.VoidAndReissue(number, reason);
            console.Error.WriteLine($"centrex invoice: {PdfInvoiceRenderer.InvoiceNumber(number)} voided ({reason}); reissued as {PdfInvoiceRenderer.InvoiceNumber(invoice.Number)}, total {Amounts.Exact(invoice.Total, invoice.Customer.Currency)}, amount due {Amounts.Money(invoice.AmountDue, invoice.Customer.Currency)}");
            console.Error.WriteLine($"  invoices: {cycle.InvoiceFolder(invoice.Period)}");
            return ExitCodes.Success;
        }
        catch (BillingException e)
        {
            console.Error.WriteLine($"centrex invoice: {e.Message}; nothing was changed");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is LedgerUnavailableException or ProvisioningException or SqliteException or IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"centrex invoice: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
