using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Centrex.Rating.Numbering;

/// <summary>
/// A dialed number normalized to E.164 digits (no <c>+</c>), held inline so normalizing allocates nothing.
/// </summary>
public struct NormalizedNumber
{
    /// <summary>The most digits an E.164 number may have (ITU-T E.164 §6.1).</summary>
    public const int MaxDigits = 15;

    private DigitBuffer _digits;
    private byte _length;

    /// <summary>Number of digits.</summary>
    public readonly int Length => _length;

    /// <summary>The digits as ASCII bytes.</summary>
    [UnscopedRef]
    public readonly ReadOnlySpan<byte> Digits =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.AsRef(in _digits[0]), _length);

    /// <summary>The first byte of the digit storage, written in place while normalizing.</summary>
    [UnscopedRef]
    internal ref byte FirstDigit => ref _digits[0];

    internal void SetLength(int length) => _length = (byte)length;

    /// <summary>The digits as a string (allocates; for edges and tests).</summary>
    public override readonly string ToString() => Encoding.ASCII.GetString(Digits);
}
