namespace Centrex.Portal.Data.CallLog;

/// <summary>
/// A charged call as <see cref="CallLogStore.EachCharged"/> reads it: its text fields the UTF-8 bytes SQLite holds,
/// valid only during the visit (the next row reuses them), so a download of a million calls builds no string or record
/// per call.
/// </summary>
public readonly ref struct ChargedCall(ReadOnlySpan<byte> id, ReadOnlySpan<byte> account, ReadOnlySpan<byte> callee, ReadOnlySpan<byte> destination,
    long startMilliseconds, long billedSeconds, long netMills)
{
    /// <summary>The CDR id.</summary>
    public ReadOnlySpan<byte> Id { get; } = id;

    /// <summary>The account charged.</summary>
    public ReadOnlySpan<byte> Account { get; } = account;

    /// <summary>The number called.</summary>
    public ReadOnlySpan<byte> Callee { get; } = callee;

    /// <summary>The destination's name (empty when none).</summary>
    public ReadOnlySpan<byte> Destination { get; } = destination;

    /// <summary>The start, in Unix milliseconds.</summary>
    public long StartMilliseconds { get; } = startMilliseconds;

    /// <summary>Seconds billed.</summary>
    public long BilledSeconds { get; } = billedSeconds;

    /// <summary>What it cost, net of discounts, in mills.</summary>
    public long NetMills { get; } = netMills;
}
