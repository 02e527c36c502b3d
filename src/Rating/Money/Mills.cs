using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Centrex.Rating.Money;

/// <summary>
/// An amount of money in mills: thousandths of a currency unit (the "tenth of a cent").
/// Charges and balances are kept in mills; arithmetic is checked, so an overflow throws rather than wraps.
/// </summary>
/// <remarks>A small readonly struct over a scaled <see cref="long"/>, as NodaMoney's <c>FastMoney</c> does.</remarks>
public readonly record struct Mills(long Value) : IComparable<Mills>
{
    /// <summary>Mills in one currency unit.</summary>
    public const long PerUnit = 1_000;

    /// <summary>Zero.</summary>
    public static Mills Zero => default;

    /// <summary>Adds two amounts; throws <see cref="OverflowException"/> rather than wrapping.</summary>
    public static Mills operator +(Mills left, Mills right) => new(checked(left.Value + right.Value));

    /// <summary>Subtracts two amounts; throws <see cref="OverflowException"/> rather than wrapping.</summary>
    public static Mills operator -(Mills left, Mills right) => new(checked(left.Value - right.Value));

    /// <summary>Negates an amount.</summary>
    public static Mills operator -(Mills value) => new(checked(-value.Value));

    /// <summary>Compares amounts.</summary>
    public static bool operator <(Mills left, Mills right) => left.Value < right.Value;

    /// <summary>Compares amounts.</summary>
    public static bool operator >(Mills left, Mills right) => left.Value > right.Value;

    /// <summary>Compares amounts.</summary>
    public static bool operator <=(Mills left, Mills right) => left.Value <= right.Value;

    /// <summary>Compares amounts.</summary>
    public static bool operator >=(Mills left, Mills right) => left.Value >= right.Value;

    /// <inheritdoc />
    public int CompareTo(Mills other) => Value.CompareTo(other.Value);

    /// <summary>
    /// Formats as currency units with exactly three decimals, invariant culture: <c>0.057</c>, <c>-12.500</c>.
    /// </summary>
    public override string ToString()
    {
        Span<char> buffer = stackalloc char[24];
        var ok = TryFormat(buffer, out var written);
        System.Diagnostics.Debug.Assert(ok, "24 chars hold any long with sign and point");
        return new string(buffer[..written]);
    }

    /// <summary>Writes the amount as currency units with exactly three decimals into UTF-16 characters.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten) =>
        FixedPointText.TryFormat(Value, 3, destination, out charsWritten);

    /// <summary>Writes the amount as currency units with exactly three decimals into UTF-8 bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten)
    {
        // Charges are never negative: the common case prints the whole units with the runtime's integer formatter and
        // the three decimals by hand. Negative balances take the general path.
        if (Value < 0 || !Utf8Formatter.TryFormat((ulong)Value / PerUnit, utf8Destination, out var whole) || utf8Destination.Length < whole + 4)
        {
            return FixedPointText.TryFormat(Value, 3, utf8Destination, out bytesWritten);
        }

        var fraction = (uint)((ulong)Value % PerUnit);
        utf8Destination[whole] = (byte)'.';
        utf8Destination[whole + 1] = (byte)('0' + (fraction / 100));
        utf8Destination[whole + 2] = (byte)('0' + (fraction / 10 % 10));
        utf8Destination[whole + 3] = (byte)('0' + (fraction % 10));
        bytesWritten = whole + 4;
        return true;
    }

    /// <summary>Parses a decimal amount in currency units with at most three fractional digits (e.g. <c>5.243</c>, <c>-1</c>).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Mills value)
    {
        if (FixedPointText.TryParse(text, 3, allowSign: true, out var scaled))
        {
            value = new Mills(scaled);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Parses a decimal amount; see <see cref="TryParse"/>.</summary>
    public static Mills Parse(string text) =>
        TryParse(text, out var value) ? value : ThrowFormat(text);

    [DoesNotReturn]
    private static Mills ThrowFormat(string text) =>
        throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"'{text}' is not an amount with at most 3 decimals"));
}
