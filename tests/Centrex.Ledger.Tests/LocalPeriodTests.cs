using Centrex.Ledger.State;
using Centrex.Ledger.Verification;
using NodaTime;

namespace Centrex.Ledger.Tests;

/// <summary>
/// Issue 17, rule 1: "The month is the customer's month in the customer's time zone, for the counters as well as for the
/// invoice (today the ledger's counters use UTC months, so a call at 22:00 on Oct 31 in Vancouver lands in November's
/// counter)."
/// </summary>
public sealed class LocalPeriodTests : IDisposable
{
    private static readonly DateTimeZone Vancouver = DateTimeZoneProviders.Tzdb["America/Vancouver"];
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private static long Unix(DateTimeZone zone, int year, int month, int day, int hour) =>
        new LocalDateTime(year, month, day, hour, 0).InZoneStrictly(zone).ToInstant().ToUnixTimeSeconds();

    [Theory]
    [InlineData("America/Vancouver", 2026, 10, 31, 22, -1, 202610)] // 05:00 Nov 1 UTC
    [InlineData("America/Vancouver", 2026, 12, 31, 22, -1, 202612)] // 06:00 Jan 1 2027 UTC: the year wraps back
    [InlineData("Pacific/Auckland", 2026, 11, 1, 8, 1, 202611)] // 19:00 Oct 31 UTC
    [InlineData("America/Toronto", 2026, 10, 15, 12, 0, 202610)]
    [InlineData("America/Toronto", 2026, 10, 1, 0, 0, 202610)] // 04:00 Oct 1 UTC: the same month both ways
    public void CallsNearAMonthBoundary_CountInTheCustomersMonth(string zone, int y, int m, int d, int h, int offset, int period)
    {
        var at = Unix(DateTimeZoneProviders.Tzdb[zone], y, m, d, h);
        Assert.Equal((sbyte)offset, LocalPeriod.MonthOffset(at, DateTimeZoneProviders.Tzdb[zone]));
        Assert.Equal(period, LocalPeriod.Of(at, (sbyte)offset));
        Assert.Equal(0, LocalPeriod.MonthOffset(at, null)); // no zone known: the UTC month, as before
    }

    [Theory]
    [InlineData("Pacific/Kiritimati")] // UTC+14
    [InlineData("Etc/GMT+12")] // UTC-12
    [InlineData("America/Vancouver")]
    [InlineData("Pacific/Chatham")] // +12:45 / +13:45
    [InlineData("America/St_Johns")] // -3:30 / -2:30
    public void TheWriterSkipsTheZoneOnlyWhereNoZoneMovesTheMonth(string name)
    {
        // The writer looks the customer's zone up only when NearMonthBoundary (issue 16); every hour and a half of two
        // years: the month offset, worked out from the zone's offset itself, is 0 wherever it is false, and
        // MonthOffset agrees with it everywhere.
        var zone = DateTimeZoneProviders.Tzdb[name];
        var skipped = 0;
        for (var at = Unix(DateTimeZone.Utc, 2026, 1, 1, 0); at < Unix(DateTimeZone.Utc, 2028, 1, 1, 0); at += 5_400)
        {
            var utc = UtcPeriod.FromUnixSeconds(at);
            var local = UtcPeriod.FromUnixSeconds(at + zone.GetUtcOffset(Instant.FromUnixTimeSeconds(at)).Seconds);
            var offset = Math.Sign(((local / 100 * 12) + (local % 100)) - ((utc / 100 * 12) + (utc % 100)));
            if (!LocalPeriod.NearMonthBoundary(at))
            {
                Assert.Equal(0, offset);
                skipped++;
            }

            Assert.Equal((sbyte)offset, LocalPeriod.MonthOffset(at, zone));
        }

        Assert.True(skipped > 10_000, $"{skipped} hours skipped");
    }

    [Fact]
    public void Vancouver22hOct31_CountsInOctober_AfterReplay_AndVerifies()
    {
        var options = new LedgerOptions { AccountZones = new Dictionary<string, DateTimeZone> { ["VAN-1"] = Vancouver } };
        var late = Unix(Vancouver, 2026, 10, 31, 22);
        using (var store = LedgerStore.Open(_data.Path, options))
        {
            Assert.True(Calls.Append(store.Writer, "v1", "VAN-1", 100, start: late));
            Assert.True(Calls.Append(store.Writer, "u1", "UTC-1", 100, start: late)); // an account no customer zone is known for
            store.Writer.Commit();
            Assert.Equal(1, store.Counter("VAN-1", CounterKind.Calls, 202610));
            Assert.Equal(0, store.Counter("VAN-1", CounterKind.Calls, 202611));
            Assert.Equal(1, store.Counter("UTC-1", CounterKind.Calls, 202611));
        }

        // Reopened without zones: the journal itself says which month each call counted in.
        using var reopened = LedgerStore.Open(_data.Path);
        Assert.Equal(1, reopened.Counter("VAN-1", CounterKind.Calls, 202610));
        var report = JournalVerifier.Verify(reopened);
        Assert.Equal(0, report.ProblemCount);
    }
}
