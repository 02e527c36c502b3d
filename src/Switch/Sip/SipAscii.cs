using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Centrex.Switch.Sip;

/// <summary>
/// Case-insensitive comparison for protocol tokens already known to be tokens (RFC 3261 §25.1), against a lower-case
/// constant: OR-ing 0x20 folds A–Z onto a–z and leaves every other token character that can appear in a constant
/// (digits, '-', '.', '/', ':') unchanged. A scalar loop with an early exit: names are 2 to 19 bytes and most
/// candidates differ in their first byte, where a vectorized compare would cost more in setup than it saves.
/// </summary>
internal static class SipAscii
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EqualsLower(ReadOnlySpan<byte> token, ReadOnlySpan<byte> lower)
    {
        if (token.Length != lower.Length)
        {
            return false;
        }

        for (var i = 0; i < lower.Length; i++)
        {
            if ((token[i] | 0x20) != lower[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <c>SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT</c> for 2.0 (RFC 3261 §7.1, letters case-insensitive), in two
    /// overlapping 4-byte compares: "sip/" with letters folded, then "/2.0" exactly, so no control byte folds onto a digit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSipVersion(ReadOnlySpan<byte> s) =>
        s.Length == 7
        && (MemoryMarshal.Read<uint>(s) | 0x00202020) == 0x2F706973 // "sip/" little-endian
        && MemoryMarshal.Read<uint>(s[3..]) == 0x302E322F; // "/2.0" little-endian

    /// <summary>
    /// Whether <paramref name="s"/> starts with "SIP/2.0/" (letters case-insensitive), the sent-protocol prefix of a
    /// Via without LWS (RFC 3261 §20.42). Only the three letters are folded.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool StartsWithSipVersionSlash(ReadOnlySpan<byte> s) =>
        s.Length >= 8 && (MemoryMarshal.Read<ulong>(s) | 0x202020) == 0x2F302E322F706973; // "sip/2.0/" little-endian
}
