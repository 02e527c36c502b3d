using System.CommandLine;
using System.Globalization;
using Centrex.Invoicing;
using Centrex.Invoicing.Cycle;
using Centrex.Invoicing.Rendering;
using Centrex.Invoicing.Sources;
using Centrex.Invoicing.Taxes;
using Centrex.Ledger;
using Centrex.Provisioning;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Cli;

/// <summary>
/// <c>centrex bill --period YYYY-MM</c>: the monthly billing cycle for every provisioned customer over the rated calls
/// in the data directory's journal: one PDF and one CSV invoice each in <c>DATA/invoices/YYYY-MM/</c>, a progress bar on
/// a terminal and a run summary. A period already billed is left exactly as it is, and the summary says so.
/// </summary>
internal static class BillCommand
{
    public static Command Create(CliConsole console)
    {
        var data = DataOption.Create();
        var period = new Option<YearMonth>("--period")
        {
            Description = "The month to bill, YYYY-MM (each customer's month in its own time zone)",
            Required = true,
            CustomParser = OptionParsers.Of<YearMonth>(OptionValues.TryMonth, "is not a month written YYYY-MM"),
        };
        var command = new Command("bill", "Run the billing cycle for a month: one PDF and one CSV invoice per customer, and a summary.") { data, period };
        command.SetAction((parse, cancel) => Interruptible.Run(() => Run(console, parse.GetRequiredValue(data), parse.GetRequiredValue(period), SystemClock.Instance, cancel)));
        return command;
    }

    public static int Run(CliConsole console, string dataDirectory, YearMonth period, IClock clock, CancellationToken cancel, Invoicing.Mail.MailSettings? mail = null)
    {
        try
        {
            using var ledger = LedgerStore.Open(dataDirectory);
            var cycle = new BillingCycle(dataDirectory, new LedgerJournalSource(ledger), clock, BillingRules.Default, TaxTable.Default, ProviderInfo.Default);
            long done = 0, total = 1;
            var result = console.WithProgress(
                $"billing {YearMonthPattern.Iso.Format(period)}",
                () => (Interlocked.Read(ref done), Interlocked.Read(ref total)),
                () => cycle.Run(period, (n, all) =>
                {
                    Interlocked.Exchange(ref total, all);
                    Interlocked.Exchange(ref done, n);
                }, cancel));
            Summary(console, result);
            AutoPayCommand.AfterBilling(console, dataDirectory, result.Invoices, clock);
            try
            {
                // Issue 17: "sending is retried and recorded ... and never blocks billing": the invoices are committed.
                MailCommand.SendPending(console, dataDirectory, clock, mail);
            }
            catch (InvalidDataException e)
            {
                console.Error.WriteLine($"  email: not sent ({e.Message}); the invoices' messages wait in the outbox (centrex mail send)");
            }

            return ExitCodes.Success;
        }
        catch (BillingException e)
        {
            console.Error.WriteLine($"centrex bill: {e.Message}; nothing was changed");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("centrex bill: interrupted; nothing was issued");
            return ExitCodes.Interrupted;
        }
        catch (LedgerUnavailableException e)
        {
            console.Error.WriteLine($"centrex bill: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is ProvisioningException or SqliteException or IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"centrex bill: {e.Message}; nothing was issued");
            return ExitCodes.Failure;
        }
    }

    private static void Summary(CliConsole console, BillingRunResult result)
    {
        var c = CultureInfo.InvariantCulture;
        var w = console.Error;
        var run = result.Run;
        var month = YearMonthPattern.Iso.Format(run.Period);
        if (result.AlreadyBilled)
        {
            w.WriteLine(string.Create(c, $"centrex bill: {month} was already billed at {InstantPattern.General.Format(run.RunAt)} (invoices {Numbers(run)}): nothing changed"));
            w.WriteLine($"  invoices: {result.InvoiceFolder}");
            return;
        }

        var seconds = Math.Max(result.Elapsed.TotalSeconds, 1e-9);
        w.WriteLine(string.Create(c, $"centrex bill: {month} billed"));
        w.WriteLine(string.Create(c, $"  customers billed   {run.Invoices,12:N0}   invoices {Numbers(run)}"));
        w.WriteLine(string.Create(c, $"  calls billed       {result.Calls,12:N0}"));
        if (result.UnprovisionedCalls > 0)
        {
            w.WriteLine(string.Create(c, $"  calls not billed   {result.UnprovisionedCalls,12:N0}   their account is not provisioned: import it, then void and reissue"));
        }

        // Each customer is billed in its own currency: the totals are per currency (a sum of dollars and yen is no amount),
        // written as the invoices write them so a finance team can tie them out: charges exact to the mill (seed 001: "that
        // is the actual cost"; whole yen without decimals), the amount due in the currency's minor unit (the cent, the
        // whole yen, the fils), as each invoice rounds it.
        foreach (var invoices in result.Invoices.GroupBy(i => i.Customer.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var currency = invoices.Key;
            w.WriteLine(string.Create(c, $"  subtotal           {Amounts.Exact(Sum(invoices, i => i.TaxableSubtotal), currency),16} {currency}"));
            w.WriteLine(string.Create(c, $"  taxes              {Amounts.Exact(Sum(invoices, i => i.TaxTotal), currency),16} {currency}"));
            w.WriteLine(string.Create(c, $"  invoiced total     {Amounts.Exact(Sum(invoices, i => i.Total), currency),16} {currency}"));
            w.WriteLine(string.Create(c, $"  amount due         {Amounts.Money(Sum(invoices, i => i.AmountDue), currency),16} {currency}"));
        }

        w.WriteLine(string.Create(c, $"  elapsed            {result.Elapsed.TotalSeconds,12:N2} s   {run.Invoices / seconds:N0} invoices/s"));
        w.WriteLine($"  invoices: {result.InvoiceFolder}");
    }

    private static Rating.Money.Mills Sum(IEnumerable<Invoicing.Invoices.Invoice> invoices, Func<Invoicing.Invoices.Invoice, Rating.Money.Mills> amount) =>
        invoices.Aggregate(Rating.Money.Mills.Zero, (s, i) => s + amount(i));

    private static string Numbers(Invoicing.Store.BillingRun run) => run.FirstNumber is { } first
        ? $"{PdfInvoiceRenderer.InvoiceNumber(first)} to {PdfInvoiceRenderer.InvoiceNumber(run.LastNumber!.Value)}"
        : "none";
}
