using System.CommandLine;
using System.Globalization;
using Centrex.Invoicing.Rendering;
using Centrex.Ledger;
using Centrex.Ledger.State;
using Centrex.Provisioning.Model;
using Centrex.Provisioning.Store;

namespace Centrex.Cli;

/// <summary><c>centrex balance</c>: an account's balance and this month's counters from the durable ledger.</summary>
internal static class BalanceCommand
{
    public static Command Create(CliConsole console)
    {
        var data = DataOption.Create();
        var account = new Option<string>("--account") { Description = "Account id", Required = true };
        var period = new Option<NodaTime.YearMonth?>("--period")
        {
            Description = "Also show the counters of this month, YYYY-MM (UTC)",
            CustomParser = OptionParsers.Optional<NodaTime.YearMonth>(OptionValues.TryMonth, "is not a month written YYYY-MM"),
        };
        var command = new Command("balance", "Show an account's balance (charges lower it, payments raise it) and its counters for a month.") { data, account, period };
        command.SetAction(parse => Show(console, parse.GetRequiredValue(data), parse.GetRequiredValue(account), parse.GetValue(period)));
        return command;
    }

    /// <summary>
    /// Issue 17, rule 7 (seed 001: "while your balance would show $5.24 it might actually be $5.243"): the balance as the
    /// customer reads it, in its currency's minor unit (ISO 4217: cents, whole yen, fils) and named, then the exact
    /// balance to the mill, always, as the ledger keeps it (<c>exact -0.060</c>: what scripts read). An account that is
    /// not provisioned has no currency: whole cents, as the seed shows balances.
    /// </summary>
    private static string Balance(Rating.Money.Mills balance, string? currency) => currency is null
        ? $"{Amounts.Balance(balance)} (exact {balance})"
        : $"{Amounts.Money(balance, currency)} {currency} (exact {balance})";

    /// <summary>
    /// Each volume discount plan of the account: used and remaining in the period (self-care manual, Volume Discounts:
    /// "Used / Remaining"), in the plan's unit, counted from the journal the same way rating counts them.
    /// </summary>
    private static void VolumeDiscounts(CliConsole console, ProvisioningSnapshot? provisioning, LedgerStore store, string account, NodaTime.YearMonth period)
    {
        if (provisioning is null || RatingRun.RatingDiscounts.From(provisioning) is not { } discounts)
        {
            return;
        }

        discounts.Replay(store);
        var culture = CultureInfo.InvariantCulture;
        foreach (var s in discounts.Status(account, period))
        {
            var minutes = s.Plan.Basis == Rating.Discounts.DiscountBasis.Minutes;
            string Units(long value) => minutes ? string.Create(culture, $"{value / 60m:N1} min") : new Rating.Money.Mills(value).ToString();
            console.Out.WriteLine(string.Create(culture,
                $"discount {s.Plan.Id,-12} used {Units(s.Used)}, now {s.CurrentBasisPoints / 100m:0.##}% off, {(s.Remaining is { } r ? $"{Units(r)} remaining to the next threshold" : "above the last threshold")}"));
        }
    }

    private static int Show(CliConsole console, string dataDirectory, string account, NodaTime.YearMonth? period)
    {
        try
        {
            using var store = LedgerStore.Open(dataDirectory);
            var provisioning = Provisioned(dataDirectory);
            var culture = CultureInfo.InvariantCulture;
            console.Out.WriteLine(string.Create(culture, $"account  {account}"));
            console.Out.WriteLine(string.Create(culture, $"balance  {Balance(store.Balance(account), CurrencyOf(provisioning, account))}"));
            if (period is { } month)
            {
                foreach (var counter in Enum.GetValues<CounterKind>())
                {
                    console.Out.WriteLine(string.Create(culture, $"{counter,-22} {store.Counter(account, counter, (month.Year * 100) + month.Month):N0}"));
                }

                VolumeDiscounts(console, provisioning, store, account, month);
            }

            return ExitCodes.Success;
        }
        catch (LedgerUnavailableException e)
        {
            console.Error.WriteLine($"centrex balance: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    private static string? CurrencyOf(ProvisioningSnapshot? provisioning, string account) =>
        provisioning?.Accounts.FirstOrDefault(a => a.Id == account) is { } a ? provisioning.Customers.FirstOrDefault(c => c.Id == a.CustomerId)?.Currency : null;

    // The provisioning beside the ledger (the account's currency, its discount plans), or null when nothing was provisioned.
    private static ProvisioningSnapshot? Provisioned(string dataDirectory)
    {
        if (!File.Exists(Path.Combine(dataDirectory, ProvisioningStore.FileName)))
        {
            return null;
        }

        using var provisioning = ProvisioningStore.Open(dataDirectory);
        return provisioning.Load();
    }
}
