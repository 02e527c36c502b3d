using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Centrex.Rating.Cdrs;

/// <summary>
/// The exact set of CDR ids seen in a run, for duplicate detection. Ids are copied into an arena of 1 MiB chunks and
/// indexed by an open-addressing table of 8-byte slots, each a 24-bit fingerprint of the id's hash beside a 40-bit arena
/// offset: a lookup costs one random memory access, and a fingerprint match is confirmed by comparing bytes, so two
/// different ids are never mistaken for each other. About 16 bytes per id at worst load plus the id bytes: two million
/// 13-byte ids take about 60 MB. Not thread-safe: one pipeline stage owns it.
/// </summary>
public sealed class CdrIdSet
{
    private const int ChunkBits = 20;
    private const int ChunkSize = 1 << ChunkBits;
    private const int LengthPrefix = 2;
    private const int OffsetBits = 40;
    private const ulong OffsetMask = (1UL << OffsetBits) - 1;

    /// <summary>Longest id accepted (the arena stores lengths in two bytes).</summary>
    public const int MaxIdLength = ushort.MaxValue;

    private readonly List<byte[]> _chunks = [];
    private ulong[] _slots;
    private int _count;
    private int _chunkUsed = ChunkSize;

    /// <summary>Creates an empty set sized for about <paramref name="expected"/> ids before it grows.</summary>
    public CdrIdSet(int expected = 1 << 16)
    {
        // Room for the expected count at no more than 3/4 load, the point where Add grows the table.
        _slots = new ulong[(int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp((expected * 4L / 3) + 1, 16, 1 << 30))];
    }

    /// <summary>Ids in the set.</summary>
    public int Count => _count;

    /// <summary>Adds an id; false when it was already present.</summary>
    /// <exception cref="ArgumentException">The id is longer than <see cref="MaxIdLength"/> bytes.</exception>
    public bool Add(ReadOnlySpan<byte> id) => Add(id, Hash(id));

    /// <summary>
    /// Adds an id whose <see cref="Hash"/> was computed earlier (on another pipeline stage, so the stage that owns
    /// the set only pays for the memory access); false when it was already present.
    /// </summary>
    /// <exception cref="ArgumentException">The id is longer than <see cref="MaxIdLength"/> bytes.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Add(ReadOnlySpan<byte> id, ulong hash)
    {
        if (id.Length > MaxIdLength)
        {
            throw new ArgumentException($"ids are at most {MaxIdLength} bytes", nameof(id));
        }

        var slot = Find(id, hash, out var found);
        if (found)
        {
            return false;
        }

        _slots[slot] = (Fingerprint(hash) << OffsetBits) | Store(id);
        if ((long)++_count * 4 > (long)_slots.Length * 3)
        {
            Grow();
        }

        return true;
    }

    /// <summary>True when the id is in the set.</summary>
    public bool Contains(ReadOnlySpan<byte> id)
    {
        Find(id, Hash(id), out var found);
        return found;
    }

    /// <summary>The slot holding <paramref name="id"/>, or the empty slot where it belongs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Find(ReadOnlySpan<byte> id, ulong hash, out bool found)
    {
        var mask = _slots.Length - 1;
        var fingerprint = Fingerprint(hash);
        var slot = (int)hash & mask;
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                found = false;
                return slot;
            }

            if (entry >> OffsetBits == fingerprint && StoredId(entry & OffsetMask).SequenceEqual(id))
            {
                found = true;
                return slot;
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>The top 24 bits of the hash (independent of the low bits that pick the slot), never 0 so 0 means empty.</summary>
    private static ulong Fingerprint(ulong hash) => (hash >> OffsetBits) | 1;

    private ulong Store(ReadOnlySpan<byte> id)
    {
        var needed = id.Length + LengthPrefix;
        if (_chunkUsed + needed > ChunkSize)
        {
            _chunks.Add(new byte[ChunkSize]);
            _chunkUsed = 0;
        }

        var chunk = _chunks[^1];
        var offset = ((ulong)(_chunks.Count - 1) << ChunkBits) | (uint)_chunkUsed;
        chunk[_chunkUsed] = (byte)id.Length;
        chunk[_chunkUsed + 1] = (byte)(id.Length >> 8);
        id.CopyTo(chunk.AsSpan(_chunkUsed + LengthPrefix));
        _chunkUsed += needed;
        return offset;
    }

    private ReadOnlySpan<byte> StoredId(ulong offset)
    {
        var chunk = _chunks[(int)(offset >> ChunkBits)];
        var at = (int)(offset & (ChunkSize - 1));
        var length = chunk[at] | (chunk[at + 1] << 8);
        return chunk.AsSpan(at + LengthPrefix, length);
    }

    private void Grow()
    {
        var slots = new ulong[_slots.Length * 2];
        var mask = slots.Length - 1;
        foreach (var entry in _slots)
        {
            if (entry == 0)
            {
                continue;
            }

            var slot = (int)Hash(StoredId(entry & OffsetMask)) & mask;
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = entry;
        }

        _slots = slots;
    }

    /// <summary>A fast 64-bit hash of the id bytes (multiply-rotate over 8-byte words, MurmurHash3's final mix).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Hash(ReadOnlySpan<byte> id)
    {
        const ulong Multiplier = 0x9E3779B97F4A7C15;
        var h = (ulong)id.Length * Multiplier;
        var words = MemoryMarshal.Cast<byte, ulong>(id);
        foreach (var w in words)
        {
            h = BitOperations.RotateLeft(h ^ (w * Multiplier), 29) * 0xBF58476D1CE4E5B9;
        }

        ulong tail = 0;
        var rest = id[(words.Length * 8)..];
        for (var i = 0; i < rest.Length; i++)
        {
            tail |= (ulong)rest[i] << (8 * i);
        }

        h = BitOperations.RotateLeft(h ^ (tail * Multiplier), 29) * 0xBF58476D1CE4E5B9;
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCD;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53;
        h ^= h >> 33;
        return h;
    }
}
