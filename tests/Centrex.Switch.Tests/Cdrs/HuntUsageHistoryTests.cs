using Centrex.Switch.Cdrs;
using NodaTime;
using CdrDirection = Centrex.Switch.Admission.CallDirection;

namespace Centrex.Switch.Tests.Cdrs;

/// <summary>
/// The history least-used hunting starts from is read newest day first within a row budget, so a month of a busy
/// carrier's CDRs cannot hold the switch's start: what the budget leaves out is the oldest usage.
/// </summary>
public sealed class HuntUsageHistoryTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("centrex-hunt-usage-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public void TheNewestDaysAreReadFirst_AndTheRowBudgetDropsOnlyTheOldestUsage()
    {
        var now = Instant.FromUtc(2026, 11, 22, 9, 0);
        using (var store = new CdrStore(_data))
        {
            store.Append(Answered("old", "101", now - Duration.FromDays(3)));
            store.Append(Answered("mid", "102", now - Duration.FromDays(2)));
            store.Append(Answered("new", "103", now - Duration.FromHours(1)));
            store.Append(Answered("past-lookback", "104", now - Duration.FromDays(40)));
        }

        var all = HuntUsageHistory.Load(_data, now);
        Assert.Equal(["101", "102", "103"], all.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((now - Duration.FromHours(1) + Duration.FromSeconds(5)).ToUnixTimeTicks(), all["103"]);

        var budget = HuntUsageHistory.Load(_data, now, maxRows: 2);
        Assert.Equal(["102", "103"], budget.Keys.Order(StringComparer.Ordinal));
    }

    private static SwitchCdr Answered(string id, string answeredBy, Instant start) =>
        new(id, "hunt", "15145550100", "300", string.Empty, start, start + Duration.FromSeconds(5), start + Duration.FromMinutes(2), 115,
            CallDisposition.Answered, id + "@test", "PCMU", "hq", CdrDirection.Incoming, false) { AnsweredBy = answeredBy };
}
