using System.CommandLine;
using System.Globalization;
using Centrex.Ledger;
using Centrex.Ledger.Verification;

namespace Centrex.Cli;

/// <summary><c>centrex journal verify</c>: recomputes every balance and counter from the journal and compares.</summary>
internal static class JournalCommand
{
    public static Command Create(CliConsole console)
    {
        var data = DataOption.Create();
        var verify = new Command("verify", "Recompute every balance and counter from the committed journal and report any difference (exit 0 only when there is none).") { data };
        verify.SetAction(parse => Verify(console, parse.GetRequiredValue(data)));
        return new Command("journal", "The durable journal of rated calls and balance movements.") { verify };
    }

    public static int Verify(CliConsole console, string dataDirectory)
    {
        try
        {
            using var store = LedgerStore.Open(dataDirectory);
            var report = JournalVerifier.Verify(store);
            var culture = CultureInfo.InvariantCulture;
            console.Out.WriteLine(string.Create(culture, $"journal   {store.Folder}"));
            console.Out.WriteLine(string.Create(culture, $"entries   {report.Entries:N0} ({report.Calls:N0} calls, {report.Movements:N0} movements, {report.Batches:N0} batches)"));
            console.Out.WriteLine(string.Create(culture, $"accounts  {report.Accounts:N0}"));
            console.Out.WriteLine(string.Create(culture, $"recovery  replayed {store.Recovery.EntriesReplayed:N0} entries in {store.Recovery.Elapsed.TotalMilliseconds:N0} ms; {store.Recovery.TornBytesDiscarded:N0} torn bytes discarded"));
            foreach (var problem in report.Problems)
            {
                console.Out.WriteLine($"DIFFERENCE {problem}");
            }

            console.Out.WriteLine(report.IsConsistent
                ? "result    consistent: every balance and counter is what the journal implies"
                : string.Create(culture, $"result    {report.ProblemCount:N0} difference(s)"));
            return report.IsConsistent ? ExitCodes.Success : ExitCodes.Failure;
        }
        catch (LedgerUnavailableException e)
        {
            console.Error.WriteLine($"centrex journal verify: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
