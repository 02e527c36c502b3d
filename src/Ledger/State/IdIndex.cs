using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Centrex.Ledger.State;

/// <summary>
/// Every name the ledger has ever registered, in memory: an open-addressing table from <see cref="NameFingerprint"/>
/// to the journal address of the entry holding the name, linear probing, doubled at 70% load. 24 bytes a slot; one
/// writer thread. Rebuilt on start-up from the <see cref="IdLog"/> and the journal's tail.
/// </summary>
internal sealed class IdIndex
{
    private const int MinimumCapacity = 1 << 16;
    private const int PrefetchDistance = 8;
    private Slot[] _slots;
    private int _mask;
    private int _growAt;

    public IdIndex(long expected = 0)
    {
        var capacity = MinimumCapacity;
        while (capacity * 7L / 10 < expected)
        {
            capacity <<= 1;
        }

        _slots = HugePageArrays.Allocate<Slot>(capacity);
        _mask = capacity - 1;
        _growAt = (int)(capacity * 7L / 10);
    }

    /// <summary>Forgets every name and keeps the table's memory (the writer empties it after sealing its names).</summary>
    public void Clear()
    {
        Array.Clear(_slots);
        Count = 0;
    }

    /// <summary>Names held.</summary>
    public long Count { get; private set; }

    /// <summary>
    /// Starts loading the slot of <paramref name="name"/> into the cache. The table is far larger than the cache and
    /// names arrive in no order, so each probe would otherwise wait for memory (and, under a hypervisor, for a nested
    /// page walk); a writer that prefetches a few calls ahead overlaps those waits.
    /// </summary>
    public unsafe void Prefetch(NameFingerprint name)
    {
        if (Sse.IsSupported)
        {
            // The index is masked to the table, so the address is inside the array.
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_slots), (int)name.Low & _mask)));
        }
    }

    /// <summary>The address registered for <paramref name="name"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Find(NameFingerprint name)
    {
        var slots = _slots;
        for (var i = (int)name.Low & _mask; ; i = (i + 1) & _mask)
        {
            ref var slot = ref slots[i];
            if (slot.High == name.High && slot.Low == name.Low)
            {
                return slot.Address;
            }

            if (slot.High == 0)
            {
                return -1;
            }
        }
    }

    /// <summary>Registers <paramref name="name"/> unless it is held: one probe for the check and the insert.</summary>
    /// <returns>False when the name was already held (nothing changed).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryAdd(NameFingerprint name, long address)
    {
        if (Count >= _growAt)
        {
            Grow();
        }

        var slots = _slots;
        for (var i = (int)name.Low & _mask; ; i = (i + 1) & _mask)
        {
            ref var slot = ref slots[i];
            if (slot.High == 0)
            {
                slot = new Slot(name.High, name.Low, address);
                Count++;
                return true;
            }

            if (slot.High == name.High && slot.Low == name.Low)
            {
                return false;
            }
        }
    }

    /// <summary>Registers a name not held yet.</summary>
    public void Add(NameFingerprint name, long address)
    {
        if (Count >= _growAt)
        {
            Grow();
        }

        Insert(_slots, _mask, name.High, name.Low, address);
        Count++;
    }

    private static void Insert(Slot[] slots, int mask, ulong high, ulong low, long address)
    {
        var i = (int)low & mask;
        while (slots[i].High != 0)
        {
            i = (i + 1) & mask;
        }

        slots[i] = new Slot(high, low, address);
    }

    private unsafe void Grow()
    {
        var bigger = HugePageArrays.Allocate<Slot>(_slots.Length * 2L);
        var mask = bigger.Length - 1;
        var old = _slots;
        for (var i = 0; i < old.Length; i++)
        {
            // The old table is read in order, the new one written all over: prefetch the destination a few slots ahead.
            if (Sse.IsSupported && i + PrefetchDistance < old.Length && old[i + PrefetchDistance].High != 0)
            {
                Sse.Prefetch0(Unsafe.AsPointer(ref bigger[(int)old[i + PrefetchDistance].Low & mask]));
            }

            ref readonly var slot = ref old[i];
            if (slot.High != 0)
            {
                Insert(bigger, mask, slot.High, slot.Low, slot.Address);
            }
        }

        _slots = bigger;
        _mask = mask;
        _growAt = (int)(bigger.Length * 7L / 10);
    }

    private record struct Slot(ulong High, ulong Low, long Address);
}
