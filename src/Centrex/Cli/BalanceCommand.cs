using System.CommandLine;
using System.Globalization;
using Centrex.Ledger;
using Centrex.Ledger.State;

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
    /// Each volume discount plan of the account: used and remaining in the period (self-care manual, Volume Discounts:
    /// "Used / Remaining"), in the plan's unit, counted from the journal the same way rating counts them.
    /// </summary>
    private static void VolumeDiscounts(CliConsole console, string dataDirectory, LedgerStore store, string account, NodaTime.YearMonth period)
    {
        if (!File.Exists(Path.Combine(dataDirectory, Provisioning.Store.ProvisioningStore.FileName)))
        {
            return;
        }

        using var provisioning = Provisioning.Store.ProvisioningStore.Open(dataDirectory);
        var discounts = RatingRun.RatingDiscounts.From(provisioning.Load());
        if (discounts is null)
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
            var culture = CultureInfo.InvariantCulture;
            console.Out.WriteLine(string.Create(culture, $"account  {account}"));
            // Issue 17, rule 7: whole cents as customers see it, the exact tenth of a cent beside it.
            var balance = store.Balance(account);
            console.Out.WriteLine(string.Create(culture, $"balance  {Invoicing.Rendering.Amounts.Balance(balance)} (exact {balance})"));
            if (period is { } month)
            {
                foreach (var counter in Enum.GetValues<CounterKind>())
                {
                    console.Out.WriteLine(string.Create(culture, $"{counter,-22} {store.Counter(account, counter, (month.Year * 100) + month.Month):N0}"));
                }

                VolumeDiscounts(console, dataDirectory, store, account, month);
            }

            return ExitCodes.Success;
        }
        catch (LedgerUnavailableException e)
        {
            console.Error.WriteLine($"centrex balance: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
