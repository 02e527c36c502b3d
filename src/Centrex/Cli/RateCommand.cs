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
        var data = new Option<string?>("--data")
        {
            Description = "Rate into this data directory's durable ledger (balances, journal, exactly-once ids); without it, a pure file-to-file run",
            // Absolute from the start, as every command's --data (DataOption).
            CustomParser = result => result.Tokens.Count > 0 && !string.IsNullOrWhiteSpace(result.Tokens[^1].Value) ? Path.GetFullPath(result.Tokens[^1].Value) : null,
        };
        var checkpoints = LedgerSettings.CheckpointEntriesOption();
        var rateCap = new TariffRateCap();
        foreach (var input in new Option[] { tariff, cdrs, tollFree, nanp })
        {
            input.Validators.Add(InputFile.MustBeReadable);
        }

        // Every output is checked before any input is read (issue 13): a folder given as --out used to fail only at
        // the final rename, after all the rating.
        output.Validators.Add(OutputFile.MustBeWritable);
        rejects.Validators.Add(OutputFile.MustBeWritable);
        var command = new Command("rate", "Rate a CDR file: every row lands in the rated file or the rejects file, with a summary on stderr.")
        {
            tariff, cdrs, output, rejects, tollFree, nanp, data, checkpoints,
        };
        rateCap.AddTo(command);
        command.Validators.Add(result =>
        {
            // Runs before the options' own validators: a path that is no path at all ("") is theirs to report.
            var files = new[] { result.GetValue(cdrs), result.GetValue(tariff), result.GetValue(output), result.GetValue(rejects) };
            if (files.All(f => !string.IsNullOrEmpty(f) && !f.Contains('\0', StringComparison.Ordinal))
                && files.Select(f => Path.GetFullPath(f!)).Distinct(StringComparer.Ordinal).Count() != files.Length)
            {
                result.AddError("--out and --rejects must be two different files, neither of them an input");
            }
        });
        command.SetAction((parse, cancel) => Interruptible.Run(() => Execute(console, new RateRequest(
            parse.GetRequiredValue(tariff), parse.GetRequiredValue(cdrs), parse.GetRequiredValue(output), parse.GetRequiredValue(rejects),
            parse.GetValue(tollFree), parse.GetValue(nanp), parse.GetValue(data), parse.GetValue(checkpoints)) { MaxRatePerMinute = rateCap.Of(parse) }, cancel)));
        return command;
    }

    /// <summary>Runs a rating and prints its summary; returns the exit code. The paths are checked by the options' validators.</summary>
    /// <param name="console">Where to write.</param>
    /// <param name="request">What to rate.</param>
    /// <param name="cancel">Ctrl+C: the run stops, writes no output file, and the exit code is 130.</param>
    public static int Execute(CliConsole console, RateRequest request, CancellationToken cancel)
    {
        Rater rater;
        try
        {
            rater = RaterFiles.Load(request.Tariff, request.TollFree, request.NanpInternational, request.MaxRatePerMinute, request.Data);
            if (request.Data is not null)
            {
                // The operator's scheduled tariffs (DATA/tariffs, issue 16) price the calls from their day on, as serve
                // prices them: each CDR with the tariff in force at its start (CdrEvaluator asks Rater.At), --tariff
                // the ones before the first activation.
                // Every scheduled tariff is loaded (the CDRs may be of any age: none is superseded for rate), and one
                // that cannot be read stops the run, as --tariff would.
                var problems = new List<string>();
                rater.Schedule = TariffScheduleFiles.Load(
                    new Portal.Data.TariffStore(request.Data), rater, request.MaxRatePerMinute, NodaTime.Instant.MinValue, TextWriter.Null, problems);
                if (problems.Count > 0)
                {
                    foreach (var problem in problems)
                    {
                        console.Error.WriteLine($"centrex rate: {problem}");
                    }

                    return ExitCodes.BadInput;
                }
            }
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
            var result = console.WithProgress(
                $"rating {Path.GetFileName(request.Cdrs)}",
                () => job.Progress is { } p ? (p.BytesDone, p.TotalBytes) : (0, 1),
                () => job.Run(cancel));
            ledger?.Writer.Checkpoint();
            RatingSummary.Write(console.Error, result, request, ledger, discounts?.Given);
            return ExitCodes.Success;
        }
        catch (OperationCanceledException)
        {
            // With --data, what was committed before the interruption stays charged (the ledger's exactly-once ids make
            // a rerun of the same file charge only the rest): say so, or a user would think nothing happened.
            console.Error.WriteLine(ledger is null
                ? "centrex rate: interrupted; no output files were written"
                : $"centrex rate: interrupted; no output files were written, but the calls committed to the ledger in {ledger.Folder} " +
                  $"before the interruption stay charged (journal committed up to {ledger.CommittedUntil}): rerun the same file to charge the rest, each call once");
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

    private static string Describe(Exception e) => e switch
    {
        CsvFormatException => e.Message,
        FileNotFoundException f => $"{f.FileName}: file not found",
        _ => e.Message,
    };
}
