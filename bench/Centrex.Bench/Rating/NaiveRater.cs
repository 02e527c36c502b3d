using Centrex.Rating.Numbering;
using Centrex.Rating.Tariffs;

namespace Centrex.Bench.Rating;

/// <summary>
/// The baseline: the simplest correct rating — string normalization, a <see cref="Dictionary{TKey,TValue}"/> of prefixes
/// tried longest first, and <see cref="decimal"/> arithmetic for the charge. Same answers as the kernel, by the
/// straightforward route.
/// </summary>
internal sealed class NaiveRater
{
    private static readonly HashSet<string> TollFree = [.. NpaTable.DefaultTollFree.Npas.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    private static readonly HashSet<string> NanpInternational = [.. NpaTable.DefaultNanpInternational.Npas.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    private readonly Dictionary<string, TariffRow> _rows;

    public NaiveRater(Tariff tariff) => _rows = tariff.Rows.ToDictionary(r => r.Prefix, StringComparer.Ordinal);

    /// <summary>Charge in mills, or -1 when the call cannot be rated.</summary>
    public long Rate(string dialed, int duration)
    {
        string number;
        if (dialed.StartsWith('+'))
        {
            number = dialed[1..];
        }
        else if (dialed.StartsWith("011", StringComparison.Ordinal))
        {
            number = dialed[3..];
        }
        else if (dialed.StartsWith("00", StringComparison.Ordinal))
        {
            number = dialed[2..];
        }
        else
        {
            number = dialed.Length == 10 && dialed[0] is >= '2' and <= '9' ? "1" + dialed : dialed;
        }

        if (number.Length == 0 || !number.All(char.IsAsciiDigit) || (number[0] == '1' ? number.Length != 11 : number.Length is < 4 or > 15))
        {
            return -1;
        }

        var nanpInternational = number[0] == '1' && NanpInternational.Contains(number.Substring(1, 3));
        _ = number[0] == '1' && TollFree.Contains(number.Substring(1, 3));
        for (var length = number.Length; length >= (nanpInternational ? 4 : 1); length--)
        {
            if (_rows.TryGetValue(number[..length], out var row))
            {
                if (duration == 0)
                {
                    return 0;
                }

                var billed = duration <= row.FirstIncrement
                    ? row.FirstIncrement
                    : row.FirstIncrement + (long)Math.Ceiling((decimal)(duration - row.FirstIncrement) / row.NextIncrement) * row.NextIncrement;
                var dollars = (row.ConnectFee.Value / 1_000_000m) + (row.RatePerMinute.Value / 1_000_000m * billed / 60m);
                return (long)decimal.Ceiling(dollars * 1000m);
            }
        }

        return -1;
    }
}
