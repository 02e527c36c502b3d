using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Centrex.Ledger.State;

/// <summary>
/// A blocked Bloom filter (Putze, Sanders and Singler, "Cache-, Hash- and Space-Efficient Bloom Filters", 2007) over
/// the CDR ids sealed into <see cref="IdRun"/> files: each fingerprint sets eight bits in one 64-byte block, so asking
/// costs one cache line however many runs there are. "No" is certain, so a new call (the common case) is never looked
/// up on disk; "maybe" (a fraction of a percent of new ids at 16 bits a name: the tests hold it under 0.5 %) is
/// settled by the runs. The fingerprint is already two independent 64-bit hashes: the block and the bits are cut from it.
/// </summary>
internal sealed class IdFilter
{
    /// <summary>Filter bits per name it is sized for.</summary>
    public const int BitsPerName = 16;

    private const int WordsPerBlock = 8; // 512 bits: one cache line
    private const int BitsSet = 8;
    private readonly ulong[] _words;
    private readonly ulong _blocks;

    /// <summary>An empty filter sized for <paramref name="capacity"/> names.</summary>
    public IdFilter(long capacity)
    {
        var blocks = Math.Max(1, (capacity * BitsPerName + 511) / 512);
        _blocks = (ulong)blocks;
        _words = HugePageArrays.Allocate<ulong>(blocks * WordsPerBlock);
        Capacity = blocks * 512 / BitsPerName;
    }

    private IdFilter(ulong[] words, long count)
    {
        _words = words;
        _blocks = (ulong)(words.Length / WordsPerBlock);
        Capacity = words.Length * 64L / BitsPerName;
        Count = count;
    }

    /// <summary>Names the filter is sized for: past it the false-positive rate climbs, so the owner builds a bigger one.</summary>
    public long Capacity { get; }

    /// <summary>Names added.</summary>
    public long Count { get; private set; }

    /// <summary>Bytes of memory the filter holds.</summary>
    public long Bytes => _words.LongLength * sizeof(ulong);

    public void Add(NameFingerprint name)
    {
        var block = Block(name);
        var bits = name.Low;
        for (var i = 0; i < BitsSet; i++)
        {
            // Nine bits pick one of 512; the eighth draws from High's other half so no bit is used twice.
            var bit = i < 7 ? (int)(bits >> (i * 9)) & 511 : (int)(name.High >> 7) & 511;
            _words[block + (bit >> 6)] |= 1UL << (bit & 63);
        }

        Count++;
    }

    /// <summary>False when <paramref name="name"/> was certainly never added.</summary>
    /// <remarks>
    /// Branch-free: all eight bits are read and combined. The writer asks every run's filter for every new id and nearly
    /// every answer is "no"; with a branch on each bit (a coin flip for the predictor) the processor threw away the loads
    /// of the next filters at each misprediction and waited for the runs' cache misses one after another; without it the
    /// only branch is the answer, predicted right, so the misses of all the runs overlap (issue 16).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayContain(NameFingerprint name)
    {
        // In range by construction: Block is below the block count times eight, and bit >> 6 below eight.
        ref var block = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_words), Block(name));
        var bits = name.Low;
        ulong missing = 0;
        for (var i = 0; i < BitsSet - 1; i++)
        {
            var bit = (int)(bits >> (i * 9)) & 511;
            missing |= ~Unsafe.Add(ref block, bit >> 6) >> (bit & 63);
        }

        var last = (int)(name.High >> 7) & 511;
        missing |= ~Unsafe.Add(ref block, last >> 6) >> (last & 63);
        return (missing & 1) == 0;
    }

    /// <summary>Starts loading <paramref name="name"/>'s block into the cache (the writer asks a few calls ahead).</summary>
    public unsafe void Prefetch(NameFingerprint name)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_words), Block(name))));
        }
    }

    /// <summary>Writes the filter to <paramref name="stream"/>: count, word count, the words, and a checksum of them.</summary>
    public void WriteTo(Stream stream)
    {
        Span<byte> header = stackalloc byte[16];
        BinaryPrimitives.WriteInt64LittleEndian(header, Count);
        BinaryPrimitives.WriteInt64LittleEndian(header[8..], _words.LongLength);
        stream.Write(header);
        var bytes = MemoryMarshal.AsBytes(_words.AsSpan());
        stream.Write(bytes);
        Span<byte> check = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(check, Checksum(header, bytes));
        stream.Write(check);
    }

    /// <summary>Reads a filter written by <see cref="WriteTo"/>; null when it is damaged or cut short.</summary>
    public static IdFilter? ReadFrom(Stream stream)
    {
        Span<byte> header = stackalloc byte[16];
        if (stream.ReadAtLeast(header, 16, throwOnEndOfStream: false) < 16)
        {
            return null;
        }

        var count = BinaryPrimitives.ReadInt64LittleEndian(header);
        var length = BinaryPrimitives.ReadInt64LittleEndian(header[8..]);
        if (length <= 0 || length % WordsPerBlock != 0 || length * sizeof(ulong) + 24 != stream.Length)
        {
            return null;
        }

        var words = HugePageArrays.Allocate<ulong>(length);
        var bytes = MemoryMarshal.AsBytes(words.AsSpan());
        stream.ReadExactly(bytes);
        Span<byte> check = stackalloc byte[8];
        stream.ReadExactly(check);
        return BinaryPrimitives.ReadUInt64LittleEndian(check) == Checksum(header, bytes) ? new IdFilter(words, count) : null;
    }

    private static ulong Checksum(ReadOnlySpan<byte> header, ReadOnlySpan<byte> words)
    {
        var hash = new System.IO.Hashing.XxHash3();
        hash.Append(header);
        hash.Append(words);
        return hash.GetCurrentHashAsUInt64();
    }

    // Multiply-shift maps the high half of High onto the blocks without a division (Lemire's fast range reduction).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Block(NameFingerprint name) => (int)(((name.High >> 32) * _blocks) >> 32) * WordsPerBlock;
}
