using Centrex.Rating.Discounts;
using NodaTime;

namespace Centrex.Rating.Tests.Discounts;

/// <summary>A plan's usage per period, kept as the counters move from month to month (seed 004: the Discount History window).</summary>
public class DiscountCountersHistoryTests
{
    [Fact]
    public void History_KeepsEachClosedPeriodsFinalUsage_ThenTheOpenOne()
    {
        var counters = new DiscountCounters();
        counters.Add("uk", new YearMonth(2026, 10), 600);
        counters.Add("uk", new YearMonth(2026, 10), 300);
        counters.Add("uk", new YearMonth(2026, 11), 120);
        counters.Add("intl", new YearMonth(2026, 11), 60);

        Assert.Equal([new DiscountCounter(new YearMonth(2026, 10), 900), new DiscountCounter(new YearMonth(2026, 11), 120)], counters.History("uk"));
        Assert.Equal([new DiscountCounter(new YearMonth(2026, 11), 60)], counters.History("intl"));
        Assert.Empty(counters.History("none"));
        Assert.Equal(120, counters.Used("uk", new YearMonth(2026, 11)));
    }

    [Fact]
    public void Restore_StartsTheHistoryAgain()
    {
        var counters = new DiscountCounters();
        counters.Add("uk", new YearMonth(2026, 10), 600);
        counters.Add("uk", new YearMonth(2026, 11), 60);

        counters.Restore([new("uk", new DiscountCounter(new YearMonth(2026, 12), 5))]);

        Assert.Equal([new DiscountCounter(new YearMonth(2026, 12), 5)], counters.History("uk"));
    }
}
