using System.Runtime.CompilerServices;

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
}
