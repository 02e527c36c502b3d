using System.CommandLine;
using System.Globalization;
using Centrex.Samples;
using NodaTime;

namespace Centrex.Cli;

/// <summary><c>centrex generate</c>: writes a sample tariff and CDR file (for demos, tests and benchmarks).</summary>
internal static class GenerateCommand
{
    public static Command Create(CliConsole console)
    {
        var output = new Option<string>("--out") { Description = "Folder to write tariff.csv and cdrs.csv into", Required = true };
        output.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } folder && (folder.Length == 0 || File.Exists(folder)))
            {
                result.AddError($"--out '{folder}' is not a folder: give the folder to write tariff.csv and cdrs.csv into");
            }
        });
        var rows = Count<long>("--rows", "CDR rows", 50_000, OptionValues.LongBetween(0, long.MaxValue), "0 or more");
        var prefixes = Count<int>("--prefixes", "Tariff rows (at least)", 3_000, OptionValues.IntBetween(0, int.MaxValue), "0 or more");
        var accounts = Count<int>("--accounts", "Accounts the calls belong to", 5, OptionValues.IntBetween(1, int.MaxValue), "1 or more");
        var bad = Count<int>("--bad-per-10000", "Bad rows (malformed, duplicate, no-rate) per 10,000", 50, OptionValues.IntBetween(0, 10_000), "from 0 to 10000");
        var month = new Option<YearMonth?>("--month")
        {
            Description = "Month of the calls, YYYY-MM (default: 2026-10)",
            CustomParser = OptionParsers.Optional<YearMonth>(OptionValues.TryMonth, "is not a month written YYYY-MM"),
        };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same files", DefaultValueFactory = _ => 20261121 };
        var command = new Command("generate", "Write a realistic sample tariff and CDR file.") { output, rows, prefixes, accounts, month, bad, seed };
        command.SetAction(parse =>
        {
            var spec = new CdrSampleSpec(parse.GetValue(rows), parse.GetValue(accounts), parse.GetValue(month) ?? DemoCommand.Month, parse.GetValue(bad));
            var files = Generate(parse.GetRequiredValue(output), parse.GetValue(prefixes), spec, parse.GetValue(seed));
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"centrex generate: {files.TariffRows:N0} tariff rows in {files.Tariff}, {spec.Rows:N0} CDRs in {files.Cdrs}"));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<T> Count<T>(string name, string description, T fallback, TryParser<T> tryParse, string range) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => fallback,
        CustomParser = OptionParsers.Of(tryParse, $"is not a whole number {range}"),
    };

    /// <summary>Writes <c>tariff.csv</c> and <c>cdrs.csv</c> into <paramref name="folder"/>.</summary>
    public static SampleFiles Generate(string folder, int prefixes, CdrSampleSpec spec, int seed)
    {
        Directory.CreateDirectory(folder);
        var tariff = Path.Combine(folder, "tariff.csv");
        var cdrs = Path.Combine(folder, "cdrs.csv");
        var tariffRows = SampleTariffBuilder.Write(tariff, prefixes);
        new SampleCdrWriter(seed).Write(cdrs, spec);
        return new SampleFiles(tariff, cdrs, tariffRows);
    }
}
