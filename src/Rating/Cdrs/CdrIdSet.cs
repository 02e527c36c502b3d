using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Centrex.Rating.Cdrs;

/// <summary>
/// The exact set of CDR ids seen in a run, for duplicate detection. Ids are copied into an arena of 1 MiB chunks and
/// indexed by an open-addressing table of (hash, arena offset); a hash match is confirmed by comparing bytes, so two
/// different ids are never mistaken for each other. About 16 bytes per slot plus the id bytes: two million ten-byte
/// ids take about 90 MB. Not thread-safe: one rating stage owns it.
/// </summary>
public sealed class CdrIdSet
{
    private const int ChunkBits = 20;
    private const int ChunkSize = 1 << ChunkBits;
    private const int LengthPrefix = 2;

    /// <summary>Longest id accepted (the arena stores lengths in two bytes).</summary>
    public const int MaxIdLength = ushort.MaxValue;

    private readonly List<byte[]> _chunks = [];
    private ulong[] _hashes;
    private long[] _offsets;
    private int _count;
    private int _chunkUsed = ChunkSize;

    /// <summary>Creates an empty set sized for about <paramref name="expected"/> ids before it grows.</summary>
    public CdrIdSet(int expected = 1 << 16)
    {
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, expected * 2));
        _hashes = new ulong[capacity];
        _offsets = new long[capacity];
    }

    /// <summary>Ids in the set.</summary>
    public int Count => _count;

    /// <summary>Adds an id; false when it was already present.</summary>
    /// <exception cref="ArgumentException">The id is longer than <see cref="MaxIdLength"/> bytes.</exception>
    public bool Add(ReadOnlySpan<byte> id)
    {
        if (id.Length > MaxIdLength)
        {
            throw new ArgumentException($"ids are at most {MaxIdLength} bytes", nameof(id));
        }

        var hash = Hash(id) | 1; // 0 marks an empty slot
        var mask = _hashes.Length - 1;
        var slot = (int)(hash >> 32) & mask;
        while (_hashes[slot] != 0)
        {
            if (_hashes[slot] == hash && StoredId(_offsets[slot]).SequenceEqual(id))
            {
                return false;
            }

            slot = (slot + 1) & mask;
        }

        _hashes[slot] = hash;
        _offsets[slot] = Store(id);
        if ((long)++_count * 4 > (long)_hashes.Length * 3)
        {
            Grow();
        }

        return true;
    }

    /// <summary>True when the id is in the set.</summary>
    public bool Contains(ReadOnlySpan<byte> id)
    {
        var hash = Hash(id) | 1;
        var mask = _hashes.Length - 1;
        for (var slot = (int)(hash >> 32) & mask; _hashes[slot] != 0; slot = (slot + 1) & mask)
        {
            if (_hashes[slot] == hash && StoredId(_offsets[slot]).SequenceEqual(id))
            {
                return true;
            }
        }

        return false;
    }

    private long Store(ReadOnlySpan<byte> id)
    {
        var needed = id.Length + LengthPrefix;
        if (_chunkUsed + needed > ChunkSize)
        {
            _chunks.Add(new byte[Math.Max(ChunkSize, needed)]);
            _chunkUsed = 0;
        }

        var chunk = _chunks[^1];
        var offset = ((long)(_chunks.Count - 1) << ChunkBits) | (uint)_chunkUsed;
        chunk[_chunkUsed] = (byte)id.Length;
        chunk[_chunkUsed + 1] = (byte)(id.Length >> 8);
        id.CopyTo(chunk.AsSpan(_chunkUsed + LengthPrefix));
        _chunkUsed += needed;
        return offset;
    }

    private ReadOnlySpan<byte> StoredId(long offset)
    {
        var chunk = _chunks[(int)(offset >> ChunkBits)];
        var at = (int)(offset & (ChunkSize - 1));
        var length = chunk[at] | (chunk[at + 1] << 8);
        return chunk.AsSpan(at + LengthPrefix, length);
    }

    private void Grow()
    {
        var hashes = new ulong[_hashes.Length * 2];
        var offsets = new long[hashes.Length];
        var mask = hashes.Length - 1;
        for (var i = 0; i < _hashes.Length; i++)
        {
            var hash = _hashes[i];
            if (hash == 0)
            {
                continue;
            }

            var slot = (int)(hash >> 32) & mask;
            while (hashes[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            hashes[slot] = hash;
            offsets[slot] = _offsets[i];
        }

        _hashes = hashes;
        _offsets = offsets;
    }

    /// <summary>A fast 64-bit hash of the id bytes (multiply-rotate over 8-byte words, MurmurHash3's final mix).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(ReadOnlySpan<byte> id)
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
