using System.CommandLine;
using Centrex.Invoicing.Store;
using Centrex.Samples;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Cli;

/// <summary>
/// <c>centrex demo</c>: the main job on the embedded default. Imports the sample provisioning (six customers across
/// provinces, plans, discount plans, payments), generates a month of sample traffic for its accounts, rates it into the
/// data directory's ledger, bills the month, and says where everything is, the PDF invoices included.
/// </summary>
internal static class DemoCommand
{
    /// <summary>The sample month: October 2026.</summary>
    public static readonly YearMonth Month = new(2026, 10);

    public static Command Create(CliConsole console)
    {
        var data = DataOption.Create();
        var rows = new Option<long>("--rows")
        {
            Description = "CDR rows to generate",
            DefaultValueFactory = _ => 100_000,
            CustomParser = OptionParsers.Of(OptionValues.LongBetween(0, long.MaxValue), "is not a whole number of rows, 0 or more"),
        };
        var command = new Command("demo", "Import sample customers, generate and rate a month of calls, bill it and show where the invoices are.") { data, rows };
        command.SetAction((parse, cancel) => Interruptible.Run(() => Run(console, parse.GetRequiredValue(data), parse.GetValue(rows), cancel)));
        return command;
    }

    public static int Run(CliConsole console, string dataDirectory, long rows, CancellationToken cancel)
    {
        var folder = Path.Combine(dataDirectory, "demo");
        var month = YearMonthPattern.Iso.Format(Month);
        using (var billing = BillingStore.Open(dataDirectory))
        {
            if (billing.FindRun(Month) is not null)
            {
                // The ledger charges every CDR id once: rating the same sample again would reject every row as a duplicate.
                console.Error.WriteLine($"centrex demo: {month} is already rated and billed in {dataDirectory}; showing it (use a fresh --data to run it again)");
                return Bill(console, dataDirectory, folder, month, cancel);
            }
        }

        Directory.CreateDirectory(folder);
        var provisioning = Path.Combine(folder, "provisioning.json");
        using (var sample = typeof(DemoCommand).Assembly.GetManifestResourceStream("Centrex.Samples.provisioning.json")!)
        using (var file = File.Create(provisioning))
        {
            sample.CopyTo(file);
        }

        var exit = ProvisionCommand.Import(console, dataDirectory, provisioning);
        if (exit != ExitCodes.Success)
        {
            return exit;
        }

        console.Error.WriteLine($"centrex demo: generating a sample tariff and {rows:N0} CDRs for accounts ACC-1001 to ACC-1005 ({month}) in {folder}");
        var files = GenerateCommand.Generate(folder, prefixes: 3_000, new CdrSampleSpec(rows, Accounts: 5, Month), seed: 20261121);
        var request = new RateRequest(files.Tariff, files.Cdrs, Path.Combine(folder, "rated.csv"), Path.Combine(folder, "rejects.csv"), Data: dataDirectory);
        exit = RateCommand.Execute(console, request, cancel);
        if (exit != ExitCodes.Success)
        {
            return exit;
        }

        console.Out.WriteLine($"provisioning: {provisioning}");
        console.Out.WriteLine($"tariff:  {files.Tariff} ({files.TariffRows:N0} prefixes)");
        console.Out.WriteLine($"cdrs:    {files.Cdrs}");
        console.Out.WriteLine($"rated:   {request.Rated}");
        console.Out.WriteLine($"rejects: {request.Rejects}");
        return Bill(console, dataDirectory, folder, month, cancel);
    }

    private static int Bill(CliConsole console, string dataDirectory, string folder, string month, CancellationToken cancel)
    {
        var exit = BillCommand.Run(console, dataDirectory, Month, SystemClock.Instance, cancel);
        if (exit != ExitCodes.Success)
        {
            return exit;
        }

        var invoices = Path.Combine(dataDirectory, "invoices", month);
        console.Out.WriteLine($"invoices: {invoices} (one PDF and one CSV per customer)");
        foreach (var pdf in Directory.GetFiles(invoices, "*.pdf").Order(StringComparer.Ordinal))
        {
            console.Out.WriteLine($"  {pdf}");
        }

        console.Out.WriteLine($"xDR report: centrex report xdr --data {dataDirectory} --customer CUST-QC --from {month}-01 --to {month}-31 --format xlsx --out {Path.Combine(folder, "CUST-QC.xlsx")}");
        return ExitCodes.Success;
    }
}
