using NodaTime;

namespace Centrex.Switch.Fraud;

/// <summary>
/// What one account's ended outgoing calls cost over the last 24 hours, to the minute: one entry per minute in which
/// a charged call ended (at most 1,440), oldest first, pruned as they age out. Rolling windows rather than calendar
/// hours and days: a calendar boundary would let a fraudster spend the cap twice within minutes (just before and just
/// after it), and a rolling window needs no time zone. Not thread-safe: the account's state guards it.
/// </summary>
internal sealed class SpendWindow
{
    /// <summary>Minutes in the longest window kept: the day.</summary>
    public const long DayMinutes = 24 * 60;
    private readonly List<(long Minute, long Mills)> _entries = [];

    /// <summary>Adds what a call that ended at <paramref name="at"/> cost.</summary>
    public void Add(Instant at, long mills)
    {
        if (mills == 0)
        {
            return;
        }

        var minute = MinuteOf(at);
        Prune(minute);
        var last = _entries.Count - 1;
        if (last >= 0 && _entries[last].Minute >= minute)
        {
            // Same minute (or a clock step back): one entry per minute keeps the list bounded.
            _entries[last] = (_entries[last].Minute, checked(_entries[last].Mills + mills));
            return;
        }

        _entries.Add((minute, mills));
    }

    /// <summary>What calls that ended in the <paramref name="minutes"/> minutes up to <paramref name="now"/> cost.</summary>
    public long Spent(Instant now, long minutes)
    {
        var current = MinuteOf(now);
        Prune(current);
        var total = 0L;
        for (var i = _entries.Count - 1; i >= 0 && _entries[i].Minute > current - minutes; i--)
        {
            total = checked(total + _entries[i].Mills);
        }

        return total;
    }

    private static long MinuteOf(Instant at) => Math.DivRem(at.ToUnixTimeSeconds(), 60, out var rest) - (rest < 0 ? 1 : 0);

    private void Prune(long current)
    {
        var old = 0;
        while (old < _entries.Count && _entries[old].Minute <= current - DayMinutes)
        {
            old++;
        }

        _entries.RemoveRange(0, old);
    }
}
