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

    /// <summary>In-memory part of the account state's log (2^bits bytes).</summary>
    public int StateLogMemoryBits { get; init; } = 24;

    /// <summary>Hash buckets of the account state.</summary>
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
