using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Centrex.Pipeline;

/// <summary>
/// A padded, concurrently readable <see cref="long"/> counter: the ring buffer's cursor, each consumer's progress and
/// the multi-producer gating cache are all sequences.
/// </summary>
/// <remarks>
/// The layout is the Disruptor's (LMAX <c>Sequence</c>, Disruptor-net <c>Sequence</c>): 56 bytes of padding, the value,
/// 56 bytes of padding. Together with the 16-byte object header in front, no other object's field can sit within
/// 56 bytes of the value, so the value never shares a 64-byte cache line with another hot counter; a producer spinning
/// on its cursor does not invalidate the line a consumer is publishing to. The layout is checked by
/// <c>SequenceLayoutTests</c>.
/// </remarks>
[StructLayout(LayoutKind.Explicit, Size = 56 * 2 + 8)]
public sealed class Sequence
{
    /// <summary>The value of a sequence nothing has been published to: the first slot is sequence 0.</summary>
    public const long InitialValue = -1;

    [FieldOffset(56)]
    private long _value;

    // The runtime ignores StructLayout.Size for an explicit-layout class (it does honour it for structs and
    // sequential classes; SequenceTests measures it), so the trailing 56 bytes need a field to exist: without it
    // the object ends right after _value and the next object on the heap shares its cache line.
#pragma warning disable CS0169 // Never read or written: it only reserves space.
    [FieldOffset(112)]
    private readonly long _endPadding;
#pragma warning restore CS0169

    /// <summary>Creates a sequence holding <paramref name="initialValue"/>.</summary>
    /// <param name="initialValue">The starting value, <see cref="InitialValue"/> unless told otherwise.</param>
    public Sequence(long initialValue = InitialValue)
    {
        _value = initialValue;
    }

    /// <summary>The current value, read with acquire semantics (a volatile read): data written before the matching
    /// <see cref="SetValue"/> is visible after this read.</summary>
    public long Value
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Volatile.Read(ref _value);
    }

    /// <summary>Stores <paramref name="value"/> with release semantics (an ordered store, the Disruptor's
    /// <c>set</c>): every write made before it is visible to a thread that reads the new value. On x64 this is a
    /// plain store, which is why it is the publish primitive.</summary>
    /// <param name="value">The new value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetValue(long value) => Volatile.Write(ref _value, value);

    /// <summary>Stores <paramref name="value"/> followed by a full fence (the Disruptor's <c>setVolatile</c>), so the
    /// store is globally visible before any later load: needed only where a store-then-load order matters.</summary>
    /// <param name="value">The new value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetValueVolatile(long value)
    {
        Volatile.Write(ref _value, value);
        Interlocked.MemoryBarrier();
    }

    /// <summary>Atomically replaces the value with <paramref name="next"/> if it equals
    /// <paramref name="expected"/>.</summary>
    /// <param name="expected">The value the caller last saw.</param>
    /// <param name="next">The value to store.</param>
    /// <returns><see langword="true"/> when the swap happened.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool CompareAndSet(long expected, long next) =>
        Interlocked.CompareExchange(ref _value, next, expected) == expected;

    /// <summary>Atomically adds one.</summary>
    /// <returns>The incremented value.</returns>
    public long IncrementAndGet() => Interlocked.Increment(ref _value);

    /// <summary>Atomically adds <paramref name="increment"/>.</summary>
    /// <param name="increment">The amount to add (may be negative).</param>
    /// <returns>The value after the addition.</returns>
    public long AddAndGet(long increment) => Interlocked.Add(ref _value, increment);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
