using System.Runtime.InteropServices;

namespace Centrex.Ledger.State;

/// <summary>
/// The balance and counter changes of the writer's uncommitted entries, summed per account and period. One lookup per
/// call (the account bytes compared, not just hashed) instead of one per counter: a batch's calls belong to few
/// accounts, so they collapse into a handful of totals that become state updates at the commit.
/// </summary>
internal sealed class PendingTotals
{
    private readonly Dictionary<ulong, int> _first = [];
    private readonly List<Entry> _entries = [];

    /// <summary>Adds a call's effects.</summary>
    public void AddCall(ReadOnlySpan<byte> account, int period, bool domestic, long billedSeconds, long netMills, long discountMills)
    {
        ref var totals = ref Find(account, period);
        totals.BalanceMills -= netMills; // charges lower the balance
        totals.Calls++;
        totals.BilledSeconds += billedSeconds;
        totals.NetChargeMills += netMills;
        totals.DiscountMills += discountMills;
        if (domestic)
        {
            totals.DomesticBilledSeconds += billedSeconds;
        }
    }

    /// <summary>Adds a balance movement (period 0: movements keep no counters).</summary>
    public void AddMovement(ReadOnlySpan<byte> account, long amountMills) => Find(account, 0).BalanceMills += amountMills;

    /// <summary>
    /// Every non-zero state change, as (key, delta): an account's balance and, for calls, its month record with all
    /// five counters (one update where state format 1 made five), then forgets them.
    /// </summary>
    public List<(StateKey Key, StateValue Delta)> Drain()
    {
        var changes = new List<(StateKey, StateValue)>(_entries.Count * 2);
        foreach (var entry in _entries)
        {
            var account = entry.Account.AsSpan();
            var t = entry.Totals;
            if (t.BalanceMills != 0)
            {
                changes.Add((StateKey.Balance(account), StateValue.OfAmount(t.BalanceMills)));
            }

            var month = new StateValue
            {
                Calls = t.Calls,
                BilledSeconds = t.BilledSeconds,
                DomesticBilledSeconds = t.DomesticBilledSeconds,
                NetChargeMills = t.NetChargeMills,
                DiscountMills = t.DiscountMills,
            };
            if (entry.Period != 0 && !month.IsZero)
            {
                changes.Add((StateKey.Month(account, entry.Period), month));
            }
        }

        _entries.Clear();
        _first.Clear();
        return changes;
    }

    private ref Totals Find(ReadOnlySpan<byte> account, int period)
    {
        var hash = Rating.Cdrs.CdrIdSet.Hash(account) ^ ((ulong)period * 0x9E3779B97F4A7C15UL);
        if (_first.TryGetValue(hash, out var index))
        {
            // Entries with the same hash are chained through Next; compare the account itself.
            var entries = CollectionsMarshal.AsSpan(_entries);
            for (; index >= 0; index = entries[index].Next)
            {
                ref var entry = ref entries[index];
                if (entry.Period == period && entry.Account.AsSpan().SequenceEqual(account))
                {
                    return ref entry.Totals;
                }
            }
        }

        _entries.Add(new Entry(account.ToArray(), period, _first.TryGetValue(hash, out var head) ? head : -1));
        _first[hash] = _entries.Count - 1;
        return ref CollectionsMarshal.AsSpan(_entries)[^1].Totals;
    }

    private struct Totals
    {
        public long BalanceMills;
        public long Calls;
        public long BilledSeconds;
        public long DomesticBilledSeconds;
        public long NetChargeMills;
        public long DiscountMills;
    }

    private struct Entry(byte[] account, int period, int next)
    {
        public readonly byte[] Account = account;
        public readonly int Period = period;
        public readonly int Next = next;
        public Totals Totals;
    }
}
