using System.CommandLine;
using System.Globalization;
using Centrex.Invoicing.Payments;
using Centrex.Invoicing.Rendering;
using Centrex.Invoicing.Store;
using Centrex.Ledger;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Centrex.Cli;

/// <summary>
/// <c>centrex autopay</c>: automatic card payments (issue 17). <c>configure --gateway test</c> chooses the payment gateway
/// (<c>DATA/payments.json</c>); <c>run</c> tops up prepaid accounts below their threshold and charges the unpaid invoices
/// of auto-pay customers not charged yet, then sends the emails it queued (declines). <c>bill</c> charges its new
/// invoices itself when a gateway is configured. Meant to run often (cron) for auto-recharge.
/// </summary>
internal static class AutoPayCommand
{
    public static Command Create(CliConsole console)
    {
        var configureData = DataOption.Create();
        var gateway = new Option<string>("--gateway") { Description = "The payment gateway: " + string.Join(", ", PaymentSettings.Gateways), Required = true };
        gateway.AcceptOnlyFromAmong([.. PaymentSettings.Gateways]);
        var configure = new Command("configure", "Choose the payment gateway automatic payments go through.") { configureData, gateway };
        configure.SetAction(parse =>
        {
            new PaymentSettings(parse.GetRequiredValue(gateway)).Save(parse.GetRequiredValue(configureData));
            console.Error.WriteLine($"centrex autopay: automatic payments go through the '{parse.GetRequiredValue(gateway)}' gateway");
            return ExitCodes.Success;
        });

        var runData = DataOption.Create();
        var run = new Command("run", "Top up prepaid accounts below their threshold and charge unpaid invoices of auto-pay customers.") { runData };
        run.SetAction(parse => Run(console, parse.GetRequiredValue(runData), SystemClock.Instance));
        return new Command("autopay", "Automatic card payments: auto-pay invoices and auto-recharge prepaid balances.") { configure, run };
    }

    public static int Run(CliConsole console, string dataDirectory, IClock clock)
    {
        try
        {
            if (PaymentSettings.Open(dataDirectory) is not { } gateway)
            {
                console.Error.WriteLine("centrex autopay: no payment gateway is configured (centrex autopay configure --gateway test): nothing was charged");
                return ExitCodes.BadInput;
            }

            var runner = new AutoPayRunner(dataDirectory, gateway, clock, ProviderInfo.Default);
            AutoPayResult recharged;
            using (var ledger = LedgerStore.Open(dataDirectory))
            {
                recharged = runner.Recharge(ledger);
            }

            IReadOnlyList<Invoicing.Invoices.IssuedInvoice> invoices;
            using (var billing = BillingStore.Open(dataDirectory))
            {
                invoices = billing.Invoices();
            }

            var paid = runner.PayInvoices(invoices);
            Report(console, "auto-recharge", recharged);
            Report(console, "auto-pay", paid);
            MailCommand.SendPending(console, dataDirectory, clock);
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is InvalidDataException or LedgerUnavailableException or SqliteException or IOException or UnauthorizedAccessException or Provisioning.ProvisioningException)
        {
            console.Error.WriteLine($"centrex autopay: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>Charges the invoices a billing run just issued, when a gateway is configured; never fails the run.</summary>
    public static void AfterBilling(CliConsole console, string dataDirectory, IReadOnlyList<Invoicing.Invoices.Invoice> issued, IClock clock)
    {
        try
        {
            if (PaymentSettings.Open(dataDirectory) is not { } gateway || issued.Count == 0)
            {
                return;
            }

            IReadOnlyList<Invoicing.Invoices.IssuedInvoice> invoices;
            using (var billing = BillingStore.Open(dataDirectory))
            {
                var numbers = issued.Select(i => i.Number).ToHashSet();
                invoices = [.. billing.Invoices().Where(i => numbers.Contains(i.Number))];
            }

            Report(console, "auto-pay", new AutoPayRunner(dataDirectory, gateway, clock, ProviderInfo.Default).PayInvoices(invoices));
        }
        catch (Exception e) when (e is InvalidDataException or SqliteException or IOException or UnauthorizedAccessException or Provisioning.ProvisioningException)
        {
            console.Error.WriteLine($"  auto-pay: not done ({e.Message}); centrex autopay run charges what is left");
        }
    }

    /// <summary>
    /// The counts, then the money taken per currency, as <c>centrex bill</c> prints its totals (a sum of dollars and yen is
    /// no amount): in each currency's minor unit, as each card was charged (<c>126 JPY</c>, <c>1.234 KWD</c>).
    /// </summary>
    private static void Report(CliConsole console, string what, AutoPayResult result)
    {
        var c = CultureInfo.InvariantCulture;
        console.Error.WriteLine(string.Create(c, $"  {what,-18} {result.Approved,12:N0} charged, {result.Declined:N0} declined"));
        foreach (var (currency, amount) in result.Charged)
        {
            console.Error.WriteLine(string.Create(c, $"  {what + " charged",-22} {Amounts.Money(amount, currency),12} {currency}"));
        }
    }
}
