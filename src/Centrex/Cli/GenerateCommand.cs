using System.CommandLine;
using System.Globalization;
using Centrex.Samples;
using NodaTime.Text;

namespace Centrex.Cli;

/// <summary><c>centrex generate</c>: writes a sample tariff and CDR file (for demos, tests and benchmarks).</summary>
internal static class GenerateCommand
{
    public static Command Create(CliConsole console)
    {
        var output = new Option<string>("--out") { Description = "Folder to write tariff.csv and cdrs.csv into", Required = true };
        var rows = new Option<long>("--rows") { Description = "CDR rows", DefaultValueFactory = _ => 50_000 };
        var prefixes = new Option<int>("--prefixes") { Description = "Tariff rows (at least)", DefaultValueFactory = _ => 3_000 };
        var accounts = new Option<int>("--accounts") { Description = "Accounts the calls belong to", DefaultValueFactory = _ => 5 };
        var month = new Option<string>("--month") { Description = "Month of the calls, YYYY-MM", DefaultValueFactory = _ => "2026-10" };
        var bad = new Option<int>("--bad-per-10000") { Description = "Bad rows (malformed, duplicate, no-rate) per 10,000", DefaultValueFactory = _ => 50 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same files", DefaultValueFactory = _ => 20261121 };
        var command = new Command("generate", "Write a realistic sample tariff and CDR file.") { output, rows, prefixes, accounts, month, bad, seed };
        command.SetAction(parse =>
        {
            var parsedMonth = YearMonthPattern.Iso.Parse(parse.GetRequiredValue(month));
            if (!parsedMonth.Success || parse.GetValue(rows) < 0 || parse.GetValue(accounts) < 1 || parse.GetValue(bad) is < 0 or > 10_000)
            {
                console.Error.WriteLine("centrex generate: --month is YYYY-MM, --rows >= 0, --accounts >= 1, --bad-per-10000 0..10000");
                return ExitCodes.BadInput;
            }

            var spec = new CdrSampleSpec(parse.GetValue(rows), parse.GetValue(accounts), parsedMonth.Value, parse.GetValue(bad));
            var files = Generate(parse.GetRequiredValue(output), parse.GetValue(prefixes), spec, parse.GetValue(seed));
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"centrex generate: {files.TariffRows:N0} tariff rows in {files.Tariff}, {spec.Rows:N0} CDRs in {files.Cdrs}"));
            return ExitCodes.Success;
        });
        return command;
    }

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
