using NodaTime;

namespace Centrex.Rating.Discounts;

/// <summary>
/// One account's discount counters, by plan id. The rating stage owns one per account and passes it to
/// <see cref="VolumeDiscounter"/>; a durable store persists <see cref="Snapshot"/> and restores with <see cref="Restore"/>.
/// Not thread-safe: an account is rated by one stage at a time (the account is the unit of ownership).
/// </summary>
public sealed class DiscountCounters
{
    private readonly Dictionary<string, DiscountCounter> _byPlan = new(StringComparer.Ordinal);

    // The closed periods' final usage by plan, oldest first (seed 004, Volume Discounts: "usage history ... in the
    // Discount History window"); added to only when a counter moves to a new period, so rating a call allocates nothing.
    private readonly Dictionary<string, List<DiscountCounter>> _closed = new(StringComparer.Ordinal);

    /// <summary>Usage of <paramref name="planId"/> in <paramref name="period"/> (0 when the stored counter is for another period).</summary>
    public long Used(string planId, YearMonth period) =>
        _byPlan.TryGetValue(planId, out var counter) && counter.Period == period ? counter.Used : 0;

    /// <summary>Adds usage to a plan's counter, resetting it first when it belongs to an earlier period.</summary>
    public void Add(string planId, YearMonth period, long units)
    {
        if (_byPlan.TryGetValue(planId, out var current) && current.Period < period)
        {
            if (!_closed.TryGetValue(planId, out var closed))
            {
                _closed[planId] = closed = [];
            }

            closed.Add(current);
        }

        var used = checked(Used(planId, period) + units);
        _byPlan[planId] = new DiscountCounter(period, used);
    }

    /// <summary>Every stored counter, for persistence.</summary>
    public IReadOnlyDictionary<string, DiscountCounter> Snapshot() => new Dictionary<string, DiscountCounter>(_byPlan, StringComparer.Ordinal);

    /// <summary>Replaces the counters with persisted ones.</summary>
    public void Restore(IEnumerable<KeyValuePair<string, DiscountCounter>> counters)
    {
        _byPlan.Clear();
        _closed.Clear();
        foreach (var (plan, counter) in counters)
        {
            _byPlan[plan] = counter;
        }
    }

    /// <summary>A plan's usage in each period it counted in since these counters were built, oldest first (the latest is the open one).</summary>
    public IReadOnlyList<DiscountCounter> History(string planId) =>
        [.. _closed.TryGetValue(planId, out var closed) ? closed : [], .. _byPlan.TryGetValue(planId, out var current) ? [current] : Array.Empty<DiscountCounter>()];

    /// <summary>Used and remaining volume of <paramref name="plan"/> in <paramref name="period"/>, as the self-care page shows it.</summary>
    public DiscountStatus Status(DiscountPlan plan, YearMonth period)
    {
        var used = Used(plan.Id, period);
        long? next = null;
        foreach (var tier in plan.Tiers)
        {
            if (tier.Threshold > used)
            {
                next = tier.Threshold;
                break;
            }
        }

        return new DiscountStatus(plan, period, used, plan.BasisPointsAt(used), next, next is { } n ? n - used : null);
    }
}
