using System.CommandLine;
using System.Net;
using Centrex.Ingestion;
using Centrex.Ledger;
using Centrex.Rating;
using Centrex.Rating.Csv;

namespace Centrex.Cli;

/// <summary>
/// <c>centrex serve</c>: the long-running service on a data directory: the CDR ingestion API and the self-care
/// balance API over the durable ledger (the SIP switch joins it in its own issue).
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliConsole console)
    {
        var data = DataOption.Create();
        var tariff = new Option<string>("--tariff") { Description = "Tariff CSV that rates ingested CDRs", Required = true };
        var tollFree = new Option<string?>("--toll-free") { Description = "Operator's toll-free NPA table instead of the shipped one" };
        var nanp = new Option<string?>("--nanp-international") { Description = "Operator's NANP-international NPA table instead of the shipped one" };
        var http = new Option<string>("--http") { Description = "Address of the HTTP API (port 0 picks a free one)", DefaultValueFactory = _ => "127.0.0.1:8080" };
        var maxBytes = new Option<int>("--max-batch-bytes") { Description = "Largest ingestion batch body; larger ones get 413", DefaultValueFactory = _ => new IngestionLimits().MaxBatchBytes };
        var maxRows = new Option<int>("--max-batch-rows") { Description = "Most rows in one ingestion batch; more get 413", DefaultValueFactory = _ => new IngestionLimits().MaxRows };
        var checkpoints = LedgerSettings.CheckpointEntriesOption();
        var command = new Command("serve", "Run the service: CDR ingestion and balance APIs on the durable ledger, until Ctrl+C or SIGTERM.")
        {
            data, tariff, tollFree, nanp, http, maxBytes, maxRows, checkpoints,
        };
        command.SetAction((parse, cancel) => Execute(console, new ServeRequest(
            parse.GetRequiredValue(data), parse.GetRequiredValue(tariff), parse.GetValue(tollFree), parse.GetValue(nanp),
            parse.GetRequiredValue(http), new IngestionLimits(parse.GetValue(maxBytes), parse.GetValue(maxRows)), parse.GetValue(checkpoints)), cancel));
        return command;
    }

    private static async Task<int> Execute(CliConsole console, ServeRequest request, CancellationToken cancel)
    {
        if (!IPEndPoint.TryParse(request.Http, out var endpoint))
        {
            console.Error.WriteLine($"centrex serve: --http '{request.Http}' is not an address:port");
            return ExitCodes.BadInput;
        }

        if (request.Limits.MaxBatchBytes is < 1024 or > (1 << 30) || request.Limits.MaxRows < 1)
        {
            console.Error.WriteLine("centrex serve: --max-batch-bytes is 1 KiB to 1 GiB and --max-batch-rows at least 1");
            return ExitCodes.BadInput;
        }

        Rater rater;
        try
        {
            rater = RaterFiles.Load(request.Tariff, request.TollFree, request.NanpInternational);
        }
        catch (Exception e) when (e is CsvFormatException or IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"centrex serve: {e.Message}");
            return ExitCodes.BadInput;
        }

        LedgerStore ledger;
        try
        {
            ledger = LedgerStore.Open(request.Data, LedgerSettings.Create(request.CheckpointEntries));
        }
        catch (LedgerUnavailableException e)
        {
            console.Error.WriteLine($"centrex serve: {e.Message}");
            return ExitCodes.Failure;
        }

        using (ledger)
        {
            var recovery = ledger.Recovery;
            console.Error.WriteLine($"centrex serve: ledger in {ledger.Folder}: {recovery}");
            await using var service = new ServiceHost(ledger, rater, request.Limits);
            try
            {
                var bound = await service.StartAsync(endpoint, cancel);
                console.Out.WriteLine($"centrex serve: http://{bound} (POST {IngestionEndpoint.Route}, GET {BalanceEndpoint.Route})");
                console.Out.Flush();
                await service.WaitForShutdownAsync(cancel);
            }
            catch (IOException e)
            {
                console.Error.WriteLine($"centrex serve: cannot listen on {endpoint}: {e.Message}");
                return ExitCodes.Failure;
            }

            console.Error.WriteLine("centrex serve: stopped; every acknowledged batch is committed");
            return ExitCodes.Success;
        }
    }
}
