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

    /// <summary>
    /// The environment variable that overrides how many CDR ids the exactly-once registry keeps in memory before it
    /// seals them to disk (<see cref="LedgerOptions.CallIdsInMemory"/>): a tuning knob, and how the crash tests make
    /// a small run seal.
    /// </summary>
    public const string IdsInMemoryVariable = "CENTREX_IDS_IN_MEMORY";

    public static Option<long> CheckpointEntriesOption() => new("--checkpoint-entries")
    {
        Description = "Checkpoint balances after this many journal entries (or 30 s), so recovery replays at most that many",
        DefaultValueFactory = _ => new LedgerOptions().CheckpointEveryEntries,
        CustomParser = OptionParsers.Of(OptionValues.LongBetween(1, long.MaxValue), "is not a whole number of entries, 1 or more"),
    };

    /// <param name="checkpointEntries">Journal entries between checkpoints.</param>
    /// <param name="dataDirectory">
    /// The data directory: its provisioning gives each account its customer's time zone, so calls count in the customer's
    /// month (issue 17). Without provisioning, counters are by UTC month.
    /// </param>
    /// <exception cref="InvalidOperationException"><see cref="IdsInMemoryVariable"/> is not a whole number of 1,000 or more.</exception>
    public static LedgerOptions Create(long checkpointEntries, string? dataDirectory = null)
    {
        var zones = dataDirectory is null ? null : AccountZones(dataDirectory);
        return new()
        {
            CheckpointEveryEntries = checkpointEntries,
            CallIdsInMemory = Environment.GetEnvironmentVariable(IdsInMemoryVariable) is { Length: > 0 } ids
                ? long.TryParse(ids, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) && count >= 1_000
                    ? count
                    : throw new InvalidOperationException($"{IdsInMemoryVariable}={ids} is not a whole number of ids, 1000 or more")
                : new LedgerOptions().CallIdsInMemory,
            CrashAt = Environment.GetEnvironmentVariable(CrashAtVariable),
            AccountZones = zones,

            // The commands that charge size a new account state to the provisioned accounts, and grow a smaller one by
            // rebuilding it from the journal (issue 16: 100,000 accounts did not fit the fixed 16 MiB log). The size is
            // kept with the store; bill, balance and journal verify open it with the kept size.
            StateAccounts = zones?.Count,
            StateRebuildProgress = line => Console.Error.WriteLine($"centrex: {line}"),
        };
    }

    /// <summary>Each provisioned account's customer time zone; empty when the data directory has no provisioning yet.</summary>
    public static IReadOnlyDictionary<string, NodaTime.DateTimeZone> AccountZones(string dataDirectory)
    {
        if (!File.Exists(Path.Combine(dataDirectory, Provisioning.Store.ProvisioningStore.FileName)))
        {
            return new Dictionary<string, NodaTime.DateTimeZone>(StringComparer.Ordinal);
        }

        using var store = Provisioning.Store.ProvisioningStore.Open(dataDirectory);
        var snapshot = store.Load();
        var zones = snapshot.Customers.ToDictionary(c => c.Id, c => NodaTime.DateTimeZoneProviders.Tzdb[c.TimeZone], StringComparer.Ordinal);
        return snapshot.Accounts.ToDictionary(a => a.Id, a => zones[a.CustomerId], StringComparer.Ordinal);
    }
}
