using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Centrex.Rating.Csv;

/// <summary>The fast path for the common record: printable ASCII and no quotes.</summary>
public static partial class CsvFields
{
    /// <summary>
    /// Splits a record that is printable ASCII (0x20 to 0x7E) without a quote in one vectorized pass: each 16-byte
    /// block yields a bitmask of its commas, and of any quote, control (CR, tab, NUL...), DEL or non-ASCII byte.
    /// Returns false, having split nothing reliable, when the record has one of those: the caller then checks UTF-8 and
    /// uses <see cref="Split"/>. Such a plain record is valid UTF-8, needs no unescaping, none of its fields needs
    /// quoting on output, and none holds a control character (so the CDR key check is two compares, issue 13).
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
        if (length < Vector128<byte>.Count)
        {
            return TrySplitShortPlainAscii(record, fields, out count);
        }

        ref var start = ref MemoryMarshal.GetReference(record);
        var found = 0;
        var fieldStart = 0;
        for (var i = 0; i < length; i += Vector128<byte>.Count)
        {
            // The last block is the record's final 16 bytes, overlapping the one before: its commas already seen
            // are shifted out of the mask, and re-checking bytes already checked changes nothing. Both loads lie
            // inside the record because it is at least 16 bytes long.
            var at = Math.Min(i, length - Vector128<byte>.Count);
            var block = Vector128.LoadUnsafe(ref start, (nuint)at);
            if (!IsPlain(block))
            {
                return false;
            }

            var mask = Vector128.Equals(block, Vector128.Create((byte)',')).ExtractMostSignificantBits() >> (i - at);
            while (mask != 0)
            {
                var comma = i + BitOperations.TrailingZeroCount(mask);
                if (found == fields.Length)
                {
                    count = found + 1;
                    return true;
                }

                fields[found++] = new Range(fieldStart, comma);
                fieldStart = comma + 1;
                mask &= mask - 1;
            }
        }

        if (found == fields.Length)
        {
            count = found + 1;
            return true;
        }

        fields[found++] = new Range(fieldStart, length);
        count = found;
        return true;
    }

    /// <summary>Only printable ASCII other than the quote in the block.</summary>
    /// <remarks>
    /// Adding 1 maps printable ASCII (0x20–0x7E) to 0x21–0x7F, the only bytes above 0x20 as signed bytes: a control byte
    /// becomes 0x01–0x20, DEL and non-ASCII wrap to negative (0xFF to 0x00). One signed compare finds them all.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPlain(Vector128<byte> block) =>
        (Vector128.Equals(block, Vector128.Create((byte)'"'))
            | Vector128.LessThan((block + Vector128<byte>.One).AsSByte(), Vector128.Create((sbyte)0x21)).AsByte()) == Vector128<byte>.Zero;

    /// <summary>The same for records shorter than one vector, a byte at a time.</summary>
    private static bool TrySplitShortPlainAscii(ReadOnlySpan<byte> record, Span<Range> fields, out int count)
    {
        count = 0;
        var fieldStart = 0;
        for (var i = 0; i < record.Length; i++)
        {
            var b = record[i];
            if (b == (byte)'"' || (uint)(b - 0x20) > 0x7E - 0x20)
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

        Add(fields, ref count, fieldStart, record.Length);
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
