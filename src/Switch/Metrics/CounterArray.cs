using System.Runtime.CompilerServices;

namespace Centrex.Switch.Metrics;

/// <summary>
/// A fixed set of monotonic counters, incremented from any thread without a lock and read at scrape time. An index
/// out of range is ignored rather than thrown: counting must never break the message it counts.
/// </summary>
internal sealed class CounterArray
{
    /// <summary>
    /// Longs of padding before and after the counters (64 bytes, a cache line): whatever the heap puts next to the
    /// array is written by other threads, and must not share a line with the counters (Disruptor-net's Sequence).
    /// </summary>
    internal const int Padding = 8;

    private readonly long[] _values;

    public CounterArray(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = count;
        _values = new long[count + (2 * Padding)];
    }

    /// <summary>Counters in the array.</summary>
    public int Count { get; }

    /// <summary>The counter at <paramref name="index"/> as of now.</summary>
    public long this[int index] => (uint)index < (uint)Count ? Volatile.Read(ref _values[index + Padding]) : 0;

    /// <summary>Adds one, from any thread: an interlocked add, no allocation (about 20 ns here, bench/README.md, "Metrics").</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Increment(int index)
    {
        if ((uint)index < (uint)Count)
        {
            Interlocked.Increment(ref _values[index + Padding]);
        }
    }

    /// <summary>
    /// Adds one, for a counter only one thread ever writes (the router, the send stage): a plain add published with a
    /// release write, about 1 ns against about 20 ns for the interlocked add here (bench/README.md, "Metrics"). A second
    /// writer would lose counts, never tear them: a 64-bit store is atomic on the 64-bit platforms .NET 10 runs on.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void IncrementBySoleWriter(int index)
    {
        if ((uint)index < (uint)Count)
        {
            ref var value = ref _values[index + Padding];
            Volatile.Write(ref value, value + 1);
        }
    }

    /// <summary>The number of counters an enum needs to be indexed by its values (0 to its largest).</summary>
    public static int For<TEnum>()
        where TEnum : struct, Enum => Enum.GetValues<TEnum>().Max(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)) + 1;
}
