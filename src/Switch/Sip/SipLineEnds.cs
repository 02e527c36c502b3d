using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Centrex.Switch.Sip;

/// <summary>
/// Finds the LF ending each line of a message, front to back. It compares 64 bytes at a time with '\n' and keeps the
/// result as a bit mask, so each header line costs a shift and a trailing-zero count rather than a search call of
/// its own (a typical INVITE has 14 lines in 508 header bytes: eight 64-byte blocks instead of 14 searches).
/// </summary>
internal ref struct SipLineEnds
{
    private readonly ReadOnlySpan<byte> _span;
    private int _block;
    private ulong _mask;

    public SipLineEnds(ReadOnlySpan<byte> span)
    {
        _span = span;
        _block = -1;
    }

    /// <summary>The index of the first LF at or after <paramref name="from"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Next(int from)
    {
        while ((uint)from < (uint)_span.Length)
        {
            var block = from & ~63;
            if (block != _block)
            {
                _mask = Mask(_span, block);
                _block = block;
            }

            var bits = _mask & (ulong.MaxValue << (from & 63));
            if (bits != 0)
            {
                return block + BitOperations.TrailingZeroCount(bits);
            }

            from = block + 64;
        }

        return -1;
    }

    /// <summary>The index of the first LF at or after <paramref name="from"/>, or -1 (for rare lines: folds).</summary>
    public static int IndexOfLf(ReadOnlySpan<byte> span, int from)
    {
        var i = span[from..].IndexOf((byte)'\n');
        return i < 0 ? -1 : from + i;
    }

    /// <summary>Bit i set when byte <c>block + i</c> is LF.</summary>
    public static ulong Mask(ReadOnlySpan<byte> span, int block)
    {
        if (Vector256.IsHardwareAccelerated && block >= 0 && block + 64 <= span.Length)
        {
            // In range: block + 64 <= span.Length was just checked.
            ref var start = ref Unsafe.Add(ref MemoryMarshal.GetReference(span), block);
            var lf = Vector256.Create((byte)'\n');
            ulong low = Vector256.Equals(Vector256.LoadUnsafe(ref start), lf).ExtractMostSignificantBits();
            ulong high = Vector256.Equals(Vector256.LoadUnsafe(ref start, 32), lf).ExtractMostSignificantBits();
            return low | (high << 32);
        }

        var mask = 0UL;
        var end = Math.Min(span.Length, block + 64);
        for (var i = block; i < end; i++)
        {
            if (span[i] == (byte)'\n')
            {
                mask |= 1UL << (i - block);
            }
        }

        return mask;
    }
}
