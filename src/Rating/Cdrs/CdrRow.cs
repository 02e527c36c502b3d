using NodaTime;

namespace Centrex.Rating.Cdrs;

/// <summary>One well-formed CDR row as views into its record buffer (no copies).</summary>
public readonly ref struct CdrRow
{
    /// <summary>Creates a row over parsed fields.</summary>
    public CdrRow(ReadOnlySpan<byte> id, ReadOnlySpan<byte> account, ReadOnlySpan<byte> caller, ReadOnlySpan<byte> callee, long startUnixSeconds, int startNanoseconds, int duration, bool isPlain = false)
    {
        StartUnixSeconds = startUnixSeconds;
        StartNanoseconds = startNanoseconds;
        IsPlain = isPlain;
        Id = id;
        Account = account;
        Caller = caller;
        Callee = callee;
        Duration = duration;
    }

    /// <summary>The CDR's unique id (non-empty).</summary>
    public ReadOnlySpan<byte> Id { get; }

    /// <summary>The account billed.</summary>
    public ReadOnlySpan<byte> Account { get; }

    /// <summary>The calling number, as recorded.</summary>
    public ReadOnlySpan<byte> Caller { get; }

    /// <summary>The callee as dialed.</summary>
    public ReadOnlySpan<byte> Callee { get; }

    /// <summary>When the call started: whole seconds since 1970-01-01T00:00:00Z.</summary>
    public long StartUnixSeconds { get; }

    /// <summary>When the call started: nanoseconds after <see cref="StartUnixSeconds"/>.</summary>
    public int StartNanoseconds { get; }

    /// <summary>When the call started (built on demand: the rating path keeps seconds and nanoseconds).</summary>
    public Instant Start => Instant.FromUnixTimeSeconds(StartUnixSeconds).PlusNanoseconds(StartNanoseconds);

    /// <summary>Billable seconds.</summary>
    public int Duration { get; }

    /// <summary>The record was plain ASCII without quotes or CR: no field needs quoting when written out again.</summary>
    public bool IsPlain { get; }
}
