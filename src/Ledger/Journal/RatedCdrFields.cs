using Centrex.Rating.Numbering;

namespace Centrex.Ledger.Journal;

/// <summary>The fields of a rated call as views into the buffers they already live in (no copies, no allocation).</summary>
public readonly ref struct RatedCdrFields
{
    /// <summary>Gathers the fields.</summary>
    public RatedCdrFields(
        ReadOnlySpan<byte> id, ReadOnlySpan<byte> account, ReadOnlySpan<byte> caller, ReadOnlySpan<byte> callee,
        long startUnixSeconds, int startNanoseconds, int durationSeconds, long billedSeconds, NumberClass numberClass,
        ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> destination, long chargeMills, long discountMills)
    {
        Id = id;
        Account = account;
        Caller = caller;
        Callee = callee;
        StartUnixSeconds = startUnixSeconds;
        StartNanoseconds = startNanoseconds;
        DurationSeconds = durationSeconds;
        BilledSeconds = billedSeconds;
        Class = numberClass;
        Prefix = prefix;
        Destination = destination;
        ChargeMills = chargeMills;
        DiscountMills = discountMills;
    }

    /// <summary>The CDR id (UTF-8).</summary>
    public ReadOnlySpan<byte> Id { get; }

    /// <summary>The account (UTF-8).</summary>
    public ReadOnlySpan<byte> Account { get; }

    /// <summary>The caller as recorded (UTF-8).</summary>
    public ReadOnlySpan<byte> Caller { get; }

    /// <summary>The callee, normalized E.164 digits.</summary>
    public ReadOnlySpan<byte> Callee { get; }

    /// <summary>Start: seconds since the Unix epoch.</summary>
    public long StartUnixSeconds { get; }

    /// <summary>Start: nanoseconds after <see cref="StartUnixSeconds"/>.</summary>
    public int StartNanoseconds { get; }

    /// <summary>Billable seconds as recorded.</summary>
    public int DurationSeconds { get; }

    /// <summary>Seconds billed after increments.</summary>
    public long BilledSeconds { get; }

    /// <summary>How the callee was billed.</summary>
    public NumberClass Class { get; }

    /// <summary>The tariff prefix that priced the call (UTF-8 digits).</summary>
    public ReadOnlySpan<byte> Prefix { get; }

    /// <summary>The tariff destination (UTF-8).</summary>
    public ReadOnlySpan<byte> Destination { get; }

    /// <summary>The charge in mills, before discount.</summary>
    public long ChargeMills { get; }

    /// <summary>The discount in mills.</summary>
    public long DiscountMills { get; }
}
