using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Centrex.Rating.Money;

/// <summary>
/// An amount in millionths of a currency unit: the precision of tariff rates (per minute) and connect fees.
/// </summary>
public readonly record struct MicroDollars(long Value) : IComparable<MicroDollars>
{
    /// <summary>Micro-units in one currency unit.</summary>
    public const long PerUnit = 1_000_000;

    /// <summary>Micro-units in one mill.</summary>
    public const long PerMill = 1_000;

    /// <inheritdoc />
    public int CompareTo(MicroDollars other) => Value.CompareTo(other.Value);

    /// <summary>Compares amounts.</summary>
    public static bool operator <(MicroDollars left, MicroDollars right) => left.Value < right.Value;

    /// <summary>Compares amounts.</summary>
    public static bool operator >(MicroDollars left, MicroDollars right) => left.Value > right.Value;

    /// <summary>Compares amounts.</summary>
    public static bool operator <=(MicroDollars left, MicroDollars right) => left.Value <= right.Value;

    /// <summary>Compares amounts.</summary>
    public static bool operator >=(MicroDollars left, MicroDollars right) => left.Value >= right.Value;

    /// <summary>Rounds up to the next whole mill (a charge never rounds in the customer's favour below the exact amount).</summary>
    public Mills CeilingToMills()
    {
        // Non-negative values only reach here from tariffs; floor division handles the sign for completeness.
        var quotient = Math.DivRem(Value, PerMill, out var remainder);
        return new Mills(remainder > 0 ? quotient + 1 : quotient);
    }

    /// <summary>Formats with exactly six decimals, invariant culture: <c>0.012500</c>.</summary>
    public override string ToString()
    {
        Span<char> buffer = stackalloc char[24];
        FixedPointText.TryFormat(Value, 6, buffer, out var written);
        return new string(buffer[..written]);
    }

    /// <summary>
    /// Parses a non-negative decimal amount in currency units with at most six fractional digits
    /// (<c>0.0125</c>, <c>3</c>, <c>.5</c>); no sign, no exponent, no thousands separators.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out MicroDollars value)
    {
        if (FixedPointText.TryParse(text, 6, allowSign: false, out var scaled))
        {
            value = new MicroDollars(scaled);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Parses an amount; see <see cref="TryParse"/>.</summary>
    public static MicroDollars Parse(string text) =>
        TryParse(text, out var value) ? value : ThrowFormat(text);

    [DoesNotReturn]
    private static MicroDollars ThrowFormat(string text) =>
        throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"'{text}' is not a non-negative amount with at most 6 decimals"));
}
