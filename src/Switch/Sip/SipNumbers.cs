namespace Centrex.Switch.Sip;

/// <summary>Unsigned decimal fields (CSeq, Max-Forwards, Content-Length, ports, expires) without overflow.</summary>
internal static class SipNumbers
{
    /// <summary>Not digits at all.</summary>
    public const long Invalid = -1;

    /// <summary>Digits, but more than the caller's maximum.</summary>
    public const long TooLarge = -2;

    /// <summary>Parses 1 or more ASCII digits into a value no larger than <paramref name="max"/>.</summary>
    public static long Parse(ReadOnlySpan<byte> digits, long max)
    {
        if (digits.IsEmpty)
        {
            return Invalid;
        }

        long value = 0;
        foreach (var b in digits)
        {
            var d = (uint)(b - '0');
            if (d > 9)
            {
                return Invalid;
            }

            // Stays below max * 10 + 9 <= long.MaxValue for any max the callers pass (all under 2**40).
            value = (value * 10) + d;
            if (value > max)
            {
                // Keep checking the rest are digits so "99999x" is Invalid, not TooLarge.
                return digits.ContainsAnyExceptInRange((byte)'0', (byte)'9') ? Invalid : TooLarge;
            }
        }

        return value;
    }
}
