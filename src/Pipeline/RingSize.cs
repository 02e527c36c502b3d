using System.Numerics;

namespace Centrex.Pipeline;

/// <summary>Validation of ring sizes: the Disruptor requires a power of two so that a sequence maps to its slot with
/// a mask (<c>sequence &amp; (size - 1)</c>) instead of a division, and the multi-producer wrap round with a shift.</summary>
internal static class RingSize
{
    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="size"/> is a positive power of
    /// two.</summary>
    public static void Validate(int size, string paramName)
    {
        if (size < 1 || !BitOperations.IsPow2(size))
        {
            ThrowHelper.ThrowSizeNotPowerOfTwo(size, paramName);
        }
    }

    /// <summary>log2 of a validated power-of-two size: the shift that turns a sequence into its wrap round.</summary>
    public static int Log2(int size) => BitOperations.Log2((uint)size);
}
