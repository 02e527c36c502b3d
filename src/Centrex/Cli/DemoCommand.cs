using System.CommandLine;
using Centrex.Samples;
using NodaTime;

namespace Centrex.Cli;

/// <summary>
/// <c>centrex demo</c>: the main job on the embedded default. Generates a month of sample traffic for a few accounts
/// into the data directory, rates it, and says where everything is.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliConsole console)
    {
        var data = new Option<string>("--data") { Description = "Data directory", DefaultValueFactory = _ => "data" };
        var rows = new Option<long>("--rows") { Description = "CDR rows to generate", DefaultValueFactory = _ => 100_000 };
        var command = new Command("demo", "Generate a sample month of calls, rate it and show the summary.") { data, rows };
        command.SetAction(parse => Run(console, parse.GetRequiredValue(data), parse.GetValue(rows)));
        return command;
    }

    public static int Run(CliConsole console, string dataDirectory, long rows)
    {
        var folder = Path.Combine(dataDirectory, "demo");
        console.Error.WriteLine($"centrex demo: generating a sample tariff and {rows:N0} CDRs for 5 accounts (October 2026) in {folder}");
        var files = GenerateCommand.Generate(folder, prefixes: 3_000, new CdrSampleSpec(rows, Accounts: 5, new YearMonth(2026, 10)), seed: 20261121);
        var request = new RateRequest(files.Tariff, files.Cdrs, Path.Combine(folder, "rated.csv"), Path.Combine(folder, "rejects.csv"));
        var exit = RateCommand.Execute(console, request);
        if (exit == ExitCodes.Success)
        {
            console.Out.WriteLine($"tariff:  {files.Tariff} ({files.TariffRows:N0} prefixes)");
            console.Out.WriteLine($"cdrs:    {files.Cdrs}");
            console.Out.WriteLine($"rated:   {request.Rated}");
            console.Out.WriteLine($"rejects: {request.Rejects}");
        }

        return exit;
    }
}
