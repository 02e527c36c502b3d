using System.Globalization;
using Centrex.Rating.Numbering;
using Centrex.Samples;

namespace Centrex.Bench.Rating;

/// <summary>Dialed numbers and durations drawn the way the sample CDR generator draws them.</summary>
internal static class SampleCalls
{
    public static (string[] Callees, int[] Durations) Generate(int count)
    {
        var random = new Random(42);
        var callees = new string[count];
        var durations = new int[count];
        var nanp = NpaTable.DefaultNanpInternational.Npas.ToArray();
        for (var i = 0; i < count; i++)
        {
            var line = random.Next(2_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
            var country = SampleCountries.All[random.Next(SampleCountries.All.Count)];
            callees[i] = random.Next(100) switch
            {
                < 55 => $"{random.Next(201, 989)}{line}",
                < 70 => $"1{random.Next(201, 989)}{line}",
                < 76 => $"1800{line}",
                < 83 => $"{nanp[random.Next(nanp.Length)]}{line}",
                < 90 => $"011{country.Code}{line}",
                < 95 => $"00{country.Code}{line}",
                _ => $"+{country.Code}{line}",
            };
            durations[i] = random.Next(10) == 0 ? 0 : 1 + random.Next(600);
        }

        return (callees, durations);
    }
}
