using System.CommandLine;
using Centrex.Ledger;
using Centrex.Provisioning;
using Centrex.Rating;
using Centrex.Rating.Csv;
using Centrex.RatingRun;
using Microsoft.Data.Sqlite;

namespace Centrex.Cli;

/// <summary><c>centrex rate</c>: rates a CDR file against a tariff into rated and rejects files.</summary>
internal static class RateCommand
{
    public static Command Create(CliConsole console)
    {
        var tariff = new Option<string>("--tariff") { Description = "Tariff CSV: prefix,destination,rate,connect_fee,first_increment,next_increment", Required = true };
        var cdrs = new Option<string>("--cdrs") { Description = "CDR CSV: id,account,caller,callee,start,duration", Required = true };
        var output = new Option<string>("--out") { Description = "Rated CSV to write", Required = true };
        var rejects = new Option<string>("--rejects") { Description = "Rejects CSV to write (line,id,reason)", Required = true };
        var tollFree = new Option<string?>("--toll-free") { Description = "Operator's toll-free NPA table (npa,name) instead of the shipped one" };
        var nanp = new Option<string?>("--nanp-international") { Description = "Operator's NANP-international NPA table (npa,name) instead of the shipped one" };
        var data = new Option<string?>("--data") { Description = "Rate into this data directory's durable ledger (balances, journal, exactly-once ids); without it, a pure file-to-file run" };
        var checkpoints = LedgerSettings.CheckpointEntriesOption();
        var command = new Command("rate", "Rate a CDR file: every row lands in the rated file or the rejects file, with a summary on stderr.")
        {
            tariff, cdrs, output, rejects, tollFree, nanp, data, checkpoints,
        };
        command.SetAction(parse => Execute(console, new RateRequest(
            parse.GetRequiredValue(tariff), parse.GetRequiredValue(cdrs), parse.GetRequiredValue(output), parse.GetRequiredValue(rejects),
            parse.GetValue(tollFree), parse.GetValue(nanp), parse.GetValue(data), parse.GetValue(checkpoints))));
        return command;
    }

    /// <summary>Runs a rating and prints its summary; returns the exit code.</summary>
    public static int Execute(CliConsole console, RateRequest request)
    {
        if (!CheckPaths(console, request))
        {
            return ExitCodes.BadInput;
        }

        Rater rater;
        try
        {
            rater = RaterFiles.Load(request.Tariff, request.TollFree, request.NanpInternational, request.Data);
        }
        catch (Exception e) when (e is CsvFormatException or IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"centrex rate: {Describe(e)}");
            return ExitCodes.BadInput;
        }

        LedgerStore? ledger = null;
        try
        {
            ledger = request.Data is null ? null : LedgerStore.Open(request.Data, LedgerSettings.Create(request.CheckpointEntries, request.Data));
        }
        catch (LedgerUnavailableException e)
        {
            console.Error.WriteLine($"centrex rate: {e.Message}");
            return ExitCodes.Failure;
        }

        using var ledgerScope = ledger;
        RatingDiscounts? discounts;
        try
        {
            discounts = ledger is null ? null : RatingDiscounts.Load(request.Data!, ledger);
        }
        catch (Exception e) when (e is SqliteException or ProvisioningException)
        {
            console.Error.WriteLine($"centrex rate: the provisioning store in {request.Data} cannot be read: {e.Message}");
            return ExitCodes.Failure;
        }

        var job = new CdrFileRatingJob(rater, new RatingRunOptions(request.Cdrs, request.Rated, request.Rejects), ledger?.Writer, discounts);
        try
        {
            using var interrupt = console.CancelOnInterrupt();
            var result = console.WithProgress(
                $"rating {Path.GetFileName(request.Cdrs)}",
                () => job.Progress is { } p ? (p.BytesDone, p.TotalBytes) : (0, 1),
                () => job.Run(interrupt.Token));
            ledger?.Writer.Checkpoint();
            RatingSummary.Write(console.Error, result, request, ledger, discounts?.Given);
            return ExitCodes.Success;
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("centrex rate: interrupted; no output files were written");
            return ExitCodes.Interrupted;
        }
        catch (CsvFormatException e)
        {
            console.Error.WriteLine($"centrex rate: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (LedgerUnavailableException e)
        {
            console.Error.WriteLine($"centrex rate: {e.Message}; nothing after the last committed chunk was charged, and no output file was written");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The inputs were readable and the output folders present when the run started: this is a failure while
            // running (a full disk, a vanished file), not bad usage.
            console.Error.WriteLine($"centrex rate: {Describe(e)}");
            return ExitCodes.Failure;
        }
    }

    private static bool CheckPaths(CliConsole console, RateRequest request)
    {
        var inputs = new[] { (request.Tariff, "tariff"), (request.Cdrs, "CDR file"), (request.TollFree, "toll-free table"), (request.NanpInternational, "NANP-international table") };
        foreach (var (path, what) in inputs)
        {
            if (path is null)
            {
                continue;
            }

            try
            {
                using var probe = File.OpenRead(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine($"centrex rate: {path}: the {what} cannot be read ({e.GetType().Name.Replace("Exception", string.Empty, StringComparison.Ordinal)})");
                return false;
            }
        }

        foreach (var output in new[] { request.Rated, request.Rejects })
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(output));
            if (folder is not null && !Directory.Exists(folder))
            {
                console.Error.WriteLine($"centrex rate: {output}: the folder {folder} does not exist");
                return false;
            }
        }

        var full = new[] { request.Cdrs, request.Tariff, request.Rated, request.Rejects }.Select(Path.GetFullPath).ToArray();
        if (full.Distinct(StringComparer.Ordinal).Count() != full.Length)
        {
            console.Error.WriteLine("centrex rate: --out and --rejects must be two different files, neither of them an input");
            return false;
        }

        return true;
    }

    private static string Describe(Exception e) => e switch
    {
        CsvFormatException => e.Message,
        FileNotFoundException f => $"{f.FileName}: file not found",
        _ => e.Message,
    };
}
