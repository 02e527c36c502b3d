using System.CommandLine;
using System.Globalization;
using Centrex.Switch.Cdrs;
using NodaTime;

namespace Centrex.Cli;

/// <summary>
/// <c>centrex cdr export</c>: the switch's stored CDRs (<c>DATA/cdrs</c>) in the CSV contract <c>centrex rate</c> reads
/// (<c>id,account,caller,callee,start,duration</c>): the chargeable calls started in [--from, --to).
/// </summary>
internal static class CdrCommand
{
    private static readonly Instant Earliest = Instant.FromUtc(1, 1, 1, 0, 0);
    private static readonly Instant Latest = Instant.FromUtc(9999, 12, 31, 0, 0);

    public static Command Create(CliConsole console)
    {
        var data = DataOption.Create();
        var from = Moment("--from", "First start included: YYYY-MM-DD (UTC midnight) or an RFC 3339 time; default: the first stored");
        var to = Moment("--to", "First start excluded: YYYY-MM-DD (UTC midnight) or an RFC 3339 time; default: after the last stored");
        var output = new Option<string>("--out") { Description = "CSV file to write (id,account,caller,callee,start,duration)", Required = true };
        output.Validators.Add(OutputFile.MustBeWritable);
        var export = new Command("export", "Write the switch's chargeable CDRs in the CSV contract 'centrex rate' reads.") { data, from, to, output };
        export.Validators.Add(result =>
        {
            if (OptionParsers.TryGiven<Instant>(result, from, OptionValues.TryMoment, out var first)
                && OptionParsers.TryGiven<Instant>(result, to, OptionValues.TryMoment, out var last) && last <= first)
            {
                result.AddError("--to must be after --from");
            }
        });
        export.SetAction(parse => Export(console, parse.GetRequiredValue(data), parse.GetValue(from) ?? Earliest, parse.GetValue(to) ?? Latest, parse.GetRequiredValue(output)));
        return new Command("cdr", "The switch's call detail records.") { export };
    }

    private static int Export(CliConsole console, string dataDirectory, Instant from, Instant to, string path)
    {
        if (!Directory.Exists(CdrStore.FolderOf(dataDirectory)))
        {
            console.Error.WriteLine($"centrex cdr export: no switch CDRs in {CdrStore.FolderOf(dataDirectory)}");
            return ExitCodes.BadInput;
        }

        try
        {
            long damaged = 0;
            var rows = CdrExport.WriteFile(dataDirectory, from, to, path, (file, line, reason) =>
            {
                damaged++;
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"centrex cdr export: {file}, line {line}: skipped ({reason})"));
            });
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exported  {rows:N0} chargeable CDRs to {path}"));
            if (damaged > 0)
            {
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"damaged   {damaged:N0} stored lines skipped"));
            }

            return ExitCodes.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"centrex cdr export: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    private static Option<Instant?> Moment(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = OptionParsers.Optional<Instant>(OptionValues.TryMoment, "is not YYYY-MM-DD or an RFC 3339 time"),
    };
}
