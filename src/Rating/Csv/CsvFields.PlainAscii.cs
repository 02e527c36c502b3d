using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Centrex.Rating.Csv;

/// <summary>The fast path for the common record: pure ASCII and no quotes.</summary>
public static partial class CsvFields
{
    /// <summary>
    /// Splits a record that is pure ASCII and has no quote or carriage return in one vectorized pass: each 16-byte
    /// block yields a bitmask of its commas, and of any quote, CR or non-ASCII byte. Returns false, having split
    /// nothing reliable, when the record has one of those: the caller then checks UTF-8 and uses <see cref="Split"/>.
    /// Such a plain record is valid UTF-8, needs no unescaping, and none of its fields needs quoting on output.
    /// </summary>
    /// <param name="record">The record without terminator.</param>
    /// <param name="fields">Receives the field ranges.</param>
    /// <param name="count">Fields found (more than <paramref name="fields"/> holds: its length plus one).</param>
    /// <returns>True when the record was plain ASCII without quotes and was split.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per-row hot path: see CdrEvaluator.Evaluate
    public static bool TrySplitPlainAscii(ReadOnlySpan<byte> record, Span<Range> fields, out int count)
    {
        count = 0;
        var length = record.Length;
        ref var start = ref MemoryMarshal.GetReference(record);
        var fieldStart = 0;
        var i = 0;
        var commas = Vector128.Create((byte)',');
        var quotes = Vector128.Create((byte)'"');
        var returns = Vector128.Create((byte)'\r');
        var highBits = Vector128.Create((byte)0x80);
        for (; i + Vector128<byte>.Count <= length; i += Vector128<byte>.Count)
        {
            // i + 16 <= length, so the 16-byte load stays inside the record.
            var block = Vector128.LoadUnsafe(ref start, (nuint)i);
            if ((Vector128.Equals(block, quotes) | Vector128.Equals(block, returns) | (block & highBits)) != Vector128<byte>.Zero)
            {
                return false;
            }

            var mask = Vector128.Equals(block, commas).ExtractMostSignificantBits();
            while (mask != 0)
            {
                var comma = i + BitOperations.TrailingZeroCount(mask);
                if (!Add(fields, ref count, fieldStart, comma))
                {
                    return true;
                }

                fieldStart = comma + 1;
                mask &= mask - 1;
            }
        }

        for (; i < length; i++)
        {
            var b = Unsafe.Add(ref start, i);
            if (b == (byte)'"' || b == (byte)'\r' || b >= 0x80)
            {
                return false;
            }

            if (b == (byte)',')
            {
                if (!Add(fields, ref count, fieldStart, i))
                {
                    return true;
                }

                fieldStart = i + 1;
            }
        }

        Add(fields, ref count, fieldStart, length);
        return true;
    }

    /// <summary>Records a field; false (and the count one past the room) when there is no room left.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Add(Span<Range> fields, ref int count, int start, int end)
    {
        if (count == fields.Length)
        {
            count++;
            return false;
        }

        fields[count++] = new Range(start, end);
        return true;
    }
}
