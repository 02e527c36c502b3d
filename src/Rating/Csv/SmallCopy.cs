using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Centrex.Rating.Csv;

/// <summary>
/// Copies of a few bytes (CSV fields: ids, numbers, names) without a call into the general memory-move routine, whose
/// call and size dispatch cost more than moving 4 to 64 bytes: two overlapping loads and stores cover any length in a
/// range, so no loop or per-length branch is needed.
/// </summary>
internal static class SmallCopy
{
    /// <summary>Copies <paramref name="source"/> to the start of <paramref name="destination"/>, which must be at least as long.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Copy(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var length = source.Length;
        if ((uint)length > (uint)destination.Length)
        {
            ThrowTooShort();
        }

        ref var from = ref MemoryMarshal.GetReference(source);
        ref var to = ref MemoryMarshal.GetReference(destination);

        // Every access below lies within [0, length) of both spans (length ≤ destination.Length, checked above).
        if (length > 32)
        {
            if (length > 64 || !Vector256.IsHardwareAccelerated)
            {
                source.CopyTo(destination);
                return;
            }

            var head32 = Vector256.LoadUnsafe(ref from);
            var tail32 = Vector256.LoadUnsafe(ref from, (nuint)(length - 32));
            head32.StoreUnsafe(ref to);
            tail32.StoreUnsafe(ref to, (nuint)(length - 32));
        }
        else if (length >= 16)
        {
            var head = Vector128.LoadUnsafe(ref from);
            var tail = Vector128.LoadUnsafe(ref from, (nuint)(length - 16));
            head.StoreUnsafe(ref to);
            tail.StoreUnsafe(ref to, (nuint)(length - 16));
        }
        else if (length >= 8)
        {
            var head = Unsafe.ReadUnaligned<ulong>(ref from);
            var tail = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref from, length - 8));
            Unsafe.WriteUnaligned(ref to, head);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref to, length - 8), tail);
        }
        else if (length >= 4)
        {
            var head = Unsafe.ReadUnaligned<uint>(ref from);
            var tail = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref from, length - 4));
            Unsafe.WriteUnaligned(ref to, head);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref to, length - 4), tail);
        }
        else
        {
            for (var i = 0; i < length; i++)
            {
                Unsafe.Add(ref to, i) = Unsafe.Add(ref from, i);
            }
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTooShort() => throw new ArgumentException("the destination is shorter than the source");
}
