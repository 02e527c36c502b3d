namespace Centrex.Ledger;

/// <summary>How a <see cref="LedgerStore"/> sizes its memory and how often it checkpoints.</summary>
public sealed record LedgerOptions
{
    /// <summary>Checkpoint the state after this much time with new entries (at a commit).</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>…or after this many new journal entries, whichever comes first.</summary>
    public long CheckpointEveryEntries { get; init; } = 2_000_000;

    /// <summary>
    /// Free disk space the ledger keeps in reserve: a commit or checkpoint that would leave less is refused with a
    /// "disk full" error (the writer stops; everything committed stays intact).
    /// </summary>
    public long MinimumFreeBytes { get; init; } = 64L << 20;

    /// <summary>
    /// In-memory part of the account state's log (2^bits bytes) for a new store, and the least an existing store is
    /// grown to; null: sized from <see cref="StateAccounts"/>, or <see cref="MinStateLogBits"/> when that is unknown
    /// too. A store keeps the size it was created with (<c>ledger/state2/format</c>): an opener that asks for less
    /// gets the kept size, one that asks for more gets the state rebuilt from the journal into a larger store
    /// (FASTER recovers a checkpoint wrongly into a log of another size; bench/README, issue 16).
    /// </summary>
    public int? StateLogMemoryBits { get; init; }

    /// <summary>
    /// Accounts the opener charges (serve and rate: the provisioned accounts), or null (bill, balance, journal verify:
    /// they use the kept size). When the kept log is smaller than <see cref="StateLogBitsFor"/> of them, opening
    /// rebuilds the state into a store that holds them.
    /// </summary>
    public long? StateAccounts { get; init; }

    /// <summary>Told how a rebuild of the state from the journal progresses (a line for the operator each time).</summary>
    public Action<string>? StateRebuildProgress { get; init; }

    /// <summary>The smallest in-memory state log (16 MiB: the working set of ~35,000 accounts by <see cref="StateLogBitsFor"/>).</summary>
    public const int MinStateLogBits = 24;

    /// <summary>The largest in-memory state log <see cref="StateLogBitsFor"/> asks for (1 GiB).</summary>
    public const int MaxStateLogBits = 30;

    /// <summary>
    /// The in-memory state log that keeps the records a month of charging updates in memory for
    /// <paramref name="accounts"/> accounts: each account's balance record and its month record, 120 bytes each in
    /// FASTER (8 header + 64 key + 48 value), twice over, because a checkpoint (fold-over) makes every record read-only
    /// and the next update of each copies it to the log's tail, so the log holds each hot record's previous copy beside
    /// its current one until the tail has moved a whole working set on. At 100,000 accounts this is 2^26 (64 MiB)
    /// where the old fixed 2^24 held a third of the (then six records a account) working set and most updates went to
    /// disk (issue 16: the writer thread spent 10 µs a CDR, 72 % of it waiting for FASTER's reads).
    /// </summary>
    /// <param name="accounts">Accounts the host charges (provisioned accounts).</param>
    public static int StateLogBitsFor(long accounts)
    {
        const long BytesPerAccount = 2 * 120 * 2;
        var bytes = Math.Max(1, accounts) * BytesPerAccount;
        var bits = 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)(bytes - 1));
        return Math.Clamp(bits, MinStateLogBits, MaxStateLogBits);
    }

    /// <summary>Hash buckets of a new account state (kept with the store, like its log size).</summary>
    public long StateIndexBuckets { get; init; } = 1L << 16;

    /// <summary>
    /// CDR ids the exactly-once registry keeps in memory before the next checkpoint seals them into a run on disk
    /// (issue 14: a switch that runs for weeks must not grow by an index slot for every call it ever charged). With a
    /// checkpoint every 30 s, the default keeps the in-memory table at 2²⁰ slots (24 MiB) up to about 4,000 calls/s;
    /// each sealed id then costs 2 bytes of filter in memory.
    /// </summary>
    public long CallIdsInMemory { get; init; } = 600_000;

    /// <summary>Sealed runs are merged (in the background) only up to this many ids a run.</summary>
    public long LargestSealedRun { get; init; } = 64_000_000;

    /// <summary>
    /// Each account's customer time zone (issue 17: counters count in the customer's month), or null to count in UTC
    /// months. The host builds it from provisioning; an account it does not name counts in UTC.
    /// </summary>
    public IReadOnlyDictionary<string, NodaTime.DateTimeZone>? AccountZones { get; init; }

    /// <summary>
    /// Crash points for the crash tests: <c>name:n</c> kills the process with SIGKILL the n-th time it reaches that
    /// point (<see cref="CrashPoints"/>). Null in production; read from <c>CENTREX_CRASH_AT</c> by the host.
    /// </summary>
    public string? CrashAt { get; init; }
}
