using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Centrex.Rating.Cdrs;

/// <summary>
/// The exact set of CDR ids of a run, shared lock-free by several rating threads that see records out of file order.
/// Each id keeps the smallest record index that claimed it, so "the first occurrence in the file wins" holds however
/// the work is interleaved: a claim that finds a smaller index is a duplicate at once; a claim that finds a larger one
/// takes the id over and hands the displaced (later) record back to be revoked.
/// </summary>
/// <remarks>
/// <para>
/// Slots are 8 bytes, set once by compare-and-swap: a 20-bit fingerprint of the id's hash beside a 44-bit reference
/// into the arena of the thread that stored the id (4 bits of arena, 20 of chunk, 20 of offset). An arena entry is
/// [first record index, 8 bytes][length, 2 bytes][id bytes], 8-byte aligned so the index can be updated atomically;
/// its bytes are written before the slot that publishes it (the compare-and-swap is a full fence).
/// </para>
/// <para>
/// The table never grows (growing under concurrent writers would need a stop-the-world): it is sized when created for
/// the most ids the input can hold. Memory is about 11 bytes a slot-id at the sizing bound plus 24 bytes per id stored.
/// </para>
/// </remarks>
public sealed class ConcurrentCdrIdIndex
{
    private const int OffsetBits = 20;
    private const int ChunkBits = 20;
    private const int ArenaBits = 4;
    private const int ReferenceBits = OffsetBits + ChunkBits + ArenaBits;
    private const int ChunkSize = 1 << OffsetBits;
    private const int EntryHeader = sizeof(long) + sizeof(ushort);

    /// <summary>Most threads that may store ids.</summary>
    public const int MaxWriters = 1 << ArenaBits;

    private readonly ulong[] _slots;
    private readonly IdArena[] _arenas;
    private readonly long _capacity;

    /// <summary>Creates an index for at most <paramref name="maxIds"/> ids stored by up to <paramref name="writers"/> threads.</summary>
    public ConcurrentCdrIdIndex(long maxIds, int writers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxIds);
        ArgumentOutOfRangeException.ThrowIfLessThan(writers, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(writers, MaxWriters);

        // At most 3/4 full, so probe runs stay short.
        var slots = BitOperations.RoundUpToPowerOf2((ulong)Math.Max(16, (maxIds * 4 / 3) + 1));
        if (slots > (ulong)Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(maxIds), maxIds, "too many ids for one in-memory index");
        }

        _slots = new ulong[(int)slots];
        _capacity = maxIds;
        _arenas = [.. Enumerable.Range(0, writers).Select(_ => new IdArena())];
    }

    /// <summary>Ids stored (exact once the writers are done).</summary>
    public long Count => _arenas.Sum(a => Volatile.Read(ref a.Count));

    /// <summary>Bytes the index holds on the heap: its slot table and its arenas' chunks.</summary>
    public long AllocatedBytes => ((long)_slots.Length * sizeof(ulong)) + _arenas.Sum(a => a.ChunkBytes);

    /// <summary>
    /// The most ids a CDR file of <paramref name="bytes"/> can hold: a well-formed row is at least 32 bytes
    /// (<c>i,,,1234,2026-01-01T00:00:00Z,0</c> and its line feed), and only well-formed rows are claimed.
    /// </summary>
    public static long MaxIdsInFile(long bytes) => bytes / 32;

    /// <summary>Starts loading the slot an id with this hash is probed at (a hint that changes nothing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(ulong hash)
    {
        if (Sse.IsSupported)
        {
            // The index is masked to the table, so the address is inside the array.
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_slots), (int)hash & (_slots.Length - 1))));
        }
    }

    /// <summary>
    /// Claims <paramref name="id"/> for the record with <paramref name="recordIndex"/> (unique per record, increasing in
    /// file order). Only thread <paramref name="writer"/> may use that arena.
    /// </summary>
    /// <param name="writer">The calling thread's arena, 0 to the writers given at construction − 1.</param>
    /// <param name="id">The id bytes, at most <see cref="CdrIdSet.MaxIdLength"/>.</param>
    /// <param name="hash"><see cref="CdrIdSet.Hash"/> of the id.</param>
    /// <param name="recordIndex">The record's position in the file order.</param>
    /// <param name="displaced">When the result is true: a later record that held the id and is now a duplicate, or -1.</param>
    /// <returns>True when no earlier record holds the id (so far); false when this record is a duplicate.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per-row hot path: see CdrEvaluator.Evaluate
    public bool TryClaim(int writer, ReadOnlySpan<byte> id, ulong hash, long recordIndex, out long displaced)
    {
        displaced = -1;
        var mask = _slots.Length - 1;
        var fingerprint = (hash >> ReferenceBits) | 1; // the top 20 bits, never 0 (0 marks an empty slot)
        var slot = (int)hash & mask;
        ulong stored = 0;
        for (var probes = 0; ; probes++)
        {
            if (probes > mask)
            {
                throw new InvalidOperationException($"the id index was sized for {_capacity} ids and is full");
            }

            ref var entry = ref _slots[slot];
            var current = Volatile.Read(ref entry);
            if (current == 0)
            {
                if (stored == 0)
                {
                    stored = (fingerprint << ReferenceBits) | _arenas[writer].Store(writer, id, recordIndex);
                }

                current = Interlocked.CompareExchange(ref entry, stored, 0);
                if (current == 0)
                {
                    _arenas[writer].Count++;
                    return true;
                }

                // Another thread took this slot first; it may hold the same id.
            }

            if (current >> ReferenceBits == fingerprint && StoredId(current).SequenceEqual(id))
            {
                // Left behind in the arena if stored above: a few bytes, only when two threads race for one id.
                return KeepSmallerIndex(ref StoredIndex(current), recordIndex, out displaced);
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Keeps the smaller of the stored index and <paramref name="recordIndex"/>.</summary>
    private static bool KeepSmallerIndex(ref long storedIndex, long recordIndex, out long displaced)
    {
        displaced = -1;
        var current = Volatile.Read(ref storedIndex);
        while (true)
        {
            if (current < recordIndex)
            {
                return false;
            }

            var seen = Interlocked.CompareExchange(ref storedIndex, recordIndex, current);
            if (seen == current)
            {
                displaced = current;
                return true;
            }

            current = seen;
        }
    }

    private ReadOnlySpan<byte> StoredId(ulong slot)
    {
        var (chunk, offset) = Locate(slot);
        var length = Unsafe.ReadUnaligned<ushort>(ref chunk[offset + sizeof(long)]);
        return chunk.AsSpan(offset + EntryHeader, length);
    }

    private ref long StoredIndex(ulong slot)
    {
        var (chunk, offset) = Locate(slot);

        // Entries start at multiples of 8 and array data is 8-byte aligned on 64-bit runtimes: the long is aligned,
        // so the interlocked operations on it are atomic.
        return ref Unsafe.As<byte, long>(ref chunk[offset]);
    }

    private (byte[] Chunk, int Offset) Locate(ulong slot)
    {
        var arena = _arenas[(int)(slot >> (OffsetBits + ChunkBits)) & (MaxWriters - 1)];
        var chunk = arena.Chunk((int)(slot >> OffsetBits) & ((1 << ChunkBits) - 1));
        return (chunk, (int)slot & (ChunkSize - 1));
    }

    /// <summary>One thread's id storage: appended by its owner, read by all.</summary>
    private sealed class IdArena
    {
        /// <summary>Ids this arena's owner stored; written by the owner only.</summary>
        public long Count;

        // Readers load the array reference once (volatile) and index it; growth copies into a new array and
        // publishes it, so a reader holding the old one still finds every chunk it can be referred to.
        private byte[][] _chunks = new byte[16][];
        private int _chunkCount;
        private int _used = ChunkSize;

        public byte[] Chunk(int index) => Volatile.Read(ref _chunks)[index];

        public long ChunkBytes => (long)_chunkCount * ChunkSize;

        public ulong Store(int writer, ReadOnlySpan<byte> id, long recordIndex)
        {
            var size = (EntryHeader + id.Length + 7) & ~7;
            if (_used + size > ChunkSize)
            {
                AddChunk();
            }

            var chunk = _chunks[_chunkCount - 1];
            var offset = _used;
            Unsafe.WriteUnaligned(ref chunk[offset], recordIndex);
            Unsafe.WriteUnaligned(ref chunk[offset + sizeof(long)], (ushort)id.Length);
            id.CopyTo(chunk.AsSpan(offset + EntryHeader));
            _used += size;
            return ((ulong)writer << (OffsetBits + ChunkBits)) | ((ulong)(_chunkCount - 1) << OffsetBits) | (uint)offset;
        }

        private void AddChunk()
        {
            if (_chunkCount == 1 << ChunkBits)
            {
                throw new InvalidOperationException("the id arena is full");
            }

            if (_chunkCount == _chunks.Length)
            {
                var larger = new byte[_chunks.Length * 2][];
                _chunks.CopyTo(larger, 0);
                Volatile.Write(ref _chunks, larger);
            }

            // Published before any slot refers to it: the slot's compare-and-swap comes after this write.
            _chunks[_chunkCount] = new byte[ChunkSize];
            _chunkCount++;
            _used = 0;
        }
    }
}
