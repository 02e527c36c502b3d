using System.CommandLine;
using Centrex.Ledger;

namespace Centrex.Cli;

/// <summary>
/// The ledger settings a command opens the store with: <c>--checkpoint-entries</c> on the commands that write, and the
/// crash points of the crash tests from <c>CENTREX_CRASH_AT</c> (see <see cref="CrashPoints"/>; unset in production).
/// </summary>
internal static class LedgerSettings
{
    /// <summary>The environment variable naming a crash point, <c>name:n</c>.</summary>
    public const string CrashAtVariable = "CENTREX_CRASH_AT";

    public static Option<long> CheckpointEntriesOption() => new("--checkpoint-entries")
    {
        Description = "Checkpoint balances after this many journal entries (or 30 s), so recovery replays at most that many",
        DefaultValueFactory = _ => new LedgerOptions().CheckpointEveryEntries,
        CustomParser = OptionParsers.Of(OptionValues.LongBetween(1, long.MaxValue), "is not a whole number of entries, 1 or more"),
    };

    public static LedgerOptions Create(long checkpointEntries) => new()
    {
        CheckpointEveryEntries = checkpointEntries,
        CrashAt = Environment.GetEnvironmentVariable(CrashAtVariable),
    };
}
