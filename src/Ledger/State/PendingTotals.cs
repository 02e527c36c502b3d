using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Centrex.Ledger.State;

/// <summary>
/// The balance and counter changes of the writer's uncommitted entries, summed per account and period. One lookup per
/// call (the account bytes compared, not just hashed) instead of one per counter: a batch's calls belong to few
/// accounts, so they collapse into a handful of totals that become state updates at the commit.
/// </summary>
/// <remarks>
/// The totals are the slots of an open-addressing table (linear probing, at most half full), each holding its account's
/// bytes inline: a call's totals are found by one hash and, nearly always, one slot, whose address the hash alone gives,
/// so the writer can start loading it (<see cref="Prefetch"/>) while it checks the call's id. Nothing is allocated per
/// call or per account, and the table is kept for the next commit (issue 16: at 100,000 accounts a commit of 400,000
/// calls made ~100,000 totals, each an array of its own, a dictionary entry and a list entry, each a cache miss apart).
/// </remarks>
internal sealed class PendingTotals
{
    private const int MinimumSlots = 1 << 10;
    private Entry[] _slots;

    // The occupied slots in the order they were filled: a commit drains only these. A table that once took a wide
    // commit (100,000 account-months: 262,144 slots, ~31 MB) is kept for later commits, and a scan of every slot made
    // each later commit of one call walk all of it on the writer thread (~1.3 ms a commit, found in review).
    private int[] _used;
    private int _count;

    /// <summary>An empty table with room for <paramref name="expected"/> totals before it grows.</summary>
    public PendingTotals(int expected = 0)
    {
        var slots = MinimumSlots;
        while (slots / 2 < expected)
        {
            slots <<= 1;
        }

        _slots = new Entry[slots];
        _used = new int[slots / 2];
    }

    /// <summary>Account-months (and balances) with changes held.</summary>
    public int Count => _count;

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

    /// <summary>Starts loading the slot of an account's period into the cache (the writer asks before it checks the call's id).</summary>
    public unsafe void Prefetch(ReadOnlySpan<byte> account, int period)
    {
        if (Sse.IsSupported)
        {
            // A slot spans two cache lines; the index is masked to the table, so both addresses are inside the array.
            var slot = (byte*)Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_slots), (int)Hash(account, period) & (_slots.Length - 1)));
            Sse.Prefetch0(slot);
            Sse.Prefetch0(slot + 64);
        }
    }

    /// <summary>
    /// Adds every non-zero state change to <paramref name="changes"/> as (key, delta): an account's balance and, for
    /// calls, its month record with all five counters (one update where state format 1 made five), then forgets them.
    /// </summary>
    public void Drain(List<(StateKey Key, StateValue Delta)> changes)
    {
        changes.EnsureCapacity(changes.Count + (_count * 2));
        foreach (var slot in _used.AsSpan(0, _count))
        {
            ref var entry = ref _slots[slot];
            var account = ((ReadOnlySpan<byte>)entry.Account)[..(entry.StoredLength - 1)];
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

            entry = default;
        }

        _count = 0;
    }

    private static uint Hash(ReadOnlySpan<byte> account, int period) =>
        (uint)((Rating.Cdrs.CdrIdSet.Hash(account) ^ ((ulong)period * 0x9E3779B97F4A7C15UL)) >> 32);

    private ref Totals Find(ReadOnlySpan<byte> account, int period)
    {
        if (account.Length > StateKey.MaxAccountLength)
        {
            throw new ArgumentException($"account ids are at most {StateKey.MaxAccountLength} bytes", nameof(account));
        }

        var hash = Hash(account, period);
        while (true)
        {
            var mask = _slots.Length - 1;
            for (var i = (int)hash & mask; ; i = (i + 1) & mask)
            {
                ref var entry = ref _slots[i];
                if (entry.StoredLength == 0)
                {
                    if ((_count + 1) * 2 > _slots.Length)
                    {
                        break; // grow first, then look again
                    }

                    entry.Hash = hash;
                    entry.Period = period;
                    entry.StoredLength = account.Length + 1;
                    account.CopyTo(entry.Account);
                    _used[_count++] = i;
                    return ref entry.Totals;
                }

                if (entry.Hash == hash && entry.Period == period && entry.StoredLength == account.Length + 1
                    && ((ReadOnlySpan<byte>)entry.Account)[..account.Length].SequenceEqual(account))
                {
                    return ref entry.Totals;
                }
            }

            Grow();
        }
    }

    private void Grow()
    {
        var slots = new Entry[_slots.Length * 2];
        var used = new int[slots.Length / 2];
        var mask = slots.Length - 1;
        for (var n = 0; n < _count; n++)
        {
            ref readonly var entry = ref _slots[_used[n]];
            var i = (int)entry.Hash & mask;
            while (slots[i].StoredLength != 0)
            {
                i = (i + 1) & mask;
            }

            slots[i] = entry;
            used[n] = i;
        }

        _slots = slots;
        _used = used;
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

    private struct Entry
    {
        public uint Hash;
        public int Period;

        /// <summary>The account's length plus one; 0 marks an empty slot (an account may be empty).</summary>
        public int StoredLength;
        public AccountBytes Account;
        public Totals Totals;
    }

    [InlineArray(StateKey.MaxAccountLength)]
    private struct AccountBytes
    {
        private byte _first;
    }
}
