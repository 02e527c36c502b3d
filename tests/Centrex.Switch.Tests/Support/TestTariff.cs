using Centrex.Rating;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;
using Centrex.Rating.Tariffs;

namespace Centrex.Switch.Tests.Support;

/// <summary>A small tariff: North America at one mill a second by the minute, toll-free free, the UK with a connect fee,
/// Germany, and Thuraya (+881 6, ten E.164 digits: the number the switch once took for a domestic one).</summary>
internal static class TestTariff
{
    public static Tariff Tariff { get; } = TariffLoader.FromRows(
    [
        new TariffRow("1", "North America", new MicroDollars(60_000), new MicroDollars(0), 60, 60),
        new TariffRow("1800", "Toll-free", new MicroDollars(0), new MicroDollars(0), 1, 1),
        new TariffRow("44", "United Kingdom", new MicroDollars(30_000), new MicroDollars(50_000), 30, 6),
        new TariffRow("49", "Germany", new MicroDollars(100_000), new MicroDollars(0), 60, 60),
        new TariffRow("8816", "Thuraya", new MicroDollars(2_500_000), new MicroDollars(0), 60, 60),
    ]);

    public static Rater Rater { get; } = new(Tariff, NumberingPlan.Default);
}
