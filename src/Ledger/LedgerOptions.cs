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
    /// In-memory part of the account state's log (2^bits bytes). Hosts that know how many accounts they charge size it
    /// with <see cref="StateLogBitsFor"/>: an update to a record that has left memory is a disk read.
    /// </summary>
    public int StateLogMemoryBits { get; init; } = MinStateLogBits;

    /// <summary>The smallest in-memory state log (16 MiB: ~200,000 records, the working set of ~17,000 accounts by <see cref="StateLogBitsFor"/>).</summary>
    public const int MinStateLogBits = 24;

    /// <summary>The largest in-memory state log <see cref="StateLogBitsFor"/> asks for (1 GiB).</summary>
    public const int MaxStateLogBits = 30;

    /// <summary>
    /// The in-memory state log that keeps the records a month of charging updates in memory for
    /// <paramref name="accounts"/> accounts: each account's balance and its five counters of the month, 80 bytes a
    /// record in FASTER (8 header + 64 key + 8 value), twice over, because a checkpoint (fold-over) makes every record
    /// read-only and the next update of each copies it to the log's tail, so the log holds each hot record's previous
    /// copy beside its current one until the tail has moved a whole working set on. At 100,000 accounts this is
    /// 2^27 (128 MiB) where the default 2^24 held a sixth of the working set and most updates went to disk (issue 16:
    /// the writer thread spent 10 µs a CDR, 72 % of it waiting for FASTER's reads).
    /// </summary>
    /// <param name="accounts">Accounts the host charges (provisioned accounts).</param>
    public static int StateLogBitsFor(long accounts)
    {
        const long BytesPerAccount = 6 * 80 * 2;
        var bytes = Math.Max(1, accounts) * BytesPerAccount;
        var bits = 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)(bytes - 1));
        return Math.Clamp(bits, MinStateLogBits, MaxStateLogBits);
    }

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
