using System.Runtime.CompilerServices;

namespace Centrex.Pipeline;

/// <summary>
/// Helpers over arrays of sequences. Gating sequence arrays are copy-on-write: readers (the producer's wrap check)
/// take a volatile snapshot of the array and never lock; the rare writers (wiring consumers) swap in a new array with
/// compare-and-swap, as the Disruptor's <c>SequenceGroups</c> does.
/// </summary>
internal static class SequenceGroups
{
    /// <summary>The smallest value among <paramref name="sequences"/>, or <paramref name="minimum"/> if it is smaller
    /// (or the array is empty).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Minimum(Sequence[] sequences, long minimum)
    {
        foreach (var sequence in sequences)
        {
            minimum = Math.Min(minimum, sequence.Value);
        }

        return minimum;
    }

    /// <summary>Atomically appends <paramref name="toAdd"/> to the array in <paramref name="field"/>, first moving each
    /// added sequence to the current cursor so a consumer that joins late starts from "now" and does not hold the
    /// producer back at slots it will never read.</summary>
    public static void Add(ref Sequence[] field, Func<long> cursor, Sequence[] toAdd)
    {
        ArgumentNullException.ThrowIfNull(toAdd);
        foreach (var sequence in toAdd)
        {
            ArgumentNullException.ThrowIfNull(sequence, nameof(toAdd));
        }

        Sequence[] current;
        Sequence[] updated;
        do
        {
            current = Volatile.Read(ref field);
            updated = new Sequence[current.Length + toAdd.Length];
            current.CopyTo(updated, 0);
            toAdd.CopyTo(updated, current.Length);
            var cursorValue = cursor();
            foreach (var sequence in toAdd)
            {
                sequence.SetValue(cursorValue);
            }
        }
        while (!ReferenceEquals(Interlocked.CompareExchange(ref field, updated, current), current));

        // A producer may have advanced between the read above and the swap; catch the new sequences up again now
        // that they gate it (the Disruptor does the same second pass).
        var latest = cursor();
        foreach (var sequence in toAdd)
        {
            sequence.SetValue(latest);
        }
    }

    /// <summary>Atomically removes every occurrence of <paramref name="toRemove"/> (by reference) from the array in
    /// <paramref name="field"/>.</summary>
    /// <returns><see langword="true"/> when something was removed.</returns>
    public static bool Remove(ref Sequence[] field, Sequence toRemove)
    {
        ArgumentNullException.ThrowIfNull(toRemove);
        Sequence[] current;
        Sequence[] updated;
        do
        {
            current = Volatile.Read(ref field);
            var count = 0;
            foreach (var sequence in current)
            {
                if (ReferenceEquals(sequence, toRemove))
                {
                    count++;
                }
            }

            if (count == 0)
            {
                return false;
            }

            updated = new Sequence[current.Length - count];
            var index = 0;
            foreach (var sequence in current)
            {
                if (!ReferenceEquals(sequence, toRemove))
                {
                    updated[index++] = sequence;
                }
            }
        }
        while (!ReferenceEquals(Interlocked.CompareExchange(ref field, updated, current), current));

        return true;
    }
}
