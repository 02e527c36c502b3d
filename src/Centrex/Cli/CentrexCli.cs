using System.CommandLine;

namespace Centrex.Cli;

/// <summary>
/// The <c>centrex</c> command line: builds the command tree, maps parse errors (bad options and bad values alike, see
/// <see cref="OptionParsers"/>) to exit code 2, and turns Ctrl+C and SIGTERM into the cancellation token
/// System.CommandLine passes to each command's action.
/// </summary>
internal static class CentrexCli
{
    /// <summary>Runs the command line and returns the process exit code.</summary>
    public static int Run(string[] args, CliConsole console)
    {
        PrivateFiles.RestrictNewFiles();
        var root = new RootCommand("Centrex: carrier-grade IP Centrex rating and billing engine (Apache-2.0).")
        {
            RateCommand.Create(console),
            DemoCommand.Create(console),
            GenerateCommand.Create(console),
            ProvisionCommand.Create(console),
            BillCommand.Create(console),
            InvoiceCommand.Create(console),
            ReportCommand.Create(console),
            JournalCommand.Create(console),
            BalanceCommand.Create(console),
            ServeCommand.Create(console),
            CdrCommand.Create(console),
            SipHashCommand.Create(console),
            ApiKeyCommand.Create(console),
            MailCommand.Create(console),
            NotifyCommand.Create(console),
            TransactionsCommand.Create(console),
            AutoPayCommand.Create(console),
            UserCommand.Create(console),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                console.Error.WriteLine($"centrex: {error.Message}");
            }

            console.Error.WriteLine("Run 'centrex --help' for usage.");
            return ExitCodes.BadInput;
        }

        if (parsed.CommandResult.Children.OfType<System.CommandLine.Parsing.OptionResult>()
                .FirstOrDefault(o => o.Option.Name == DataOption.Name) is { } data && data.GetValueOrDefault<string>() is { } folder)
        {
            PrivateFiles.Protect(folder);
        }

        return parsed.Invoke(new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,

            // Ctrl+C and SIGTERM cancel the action's token, and the command stops cleanly (rate removes its partial
            // files and exits 130; serve drains, commits and exits 0). No time limit: System.CommandLine would
            // otherwise return its own exit code while the command is still writing. Only for the process's own
            // console: a test's in-process run must not take over the test host's signals.
            ProcessTerminationTimeout = console.OwnsProcessConsole ? Timeout.InfiniteTimeSpan : null,
        });
    }
}
