using System.Buffers.Binary;

namespace Centrex.Ledger.Journal;

/// <summary>
/// The on-disk form of a block of rated calls (format 1): an 8-byte header, then each call's entry (as
/// <see cref="RatedCdrCodec"/> writes it) after its 4-byte length:
/// <code>
///  0 u8 format (1)   1 u8 kind (4)   2 u16 reserved (0)   4 i32 count   8 (i32 length, entry) × count
/// </code>
/// FasterLog's per-entry checksum covers the whole block.
/// </summary>
public static class BlockCodec
{
    /// <summary>Bytes before the first call.</summary>
    public const int HeaderSize = 8;

    /// <summary>Bytes before each call's entry.</summary>
    public const int LengthSize = 4;

    /// <summary>Writes the header of a block of <paramref name="count"/> calls into its first <see cref="HeaderSize"/> bytes.</summary>
    public static void WriteHeader(Span<byte> block, int count)
    {
        block[0] = RatedCdrCodec.Format;
        block[1] = (byte)JournalRecordKind.Block;
        block[2] = 0;
        block[3] = 0;
        BinaryPrimitives.WriteInt32LittleEndian(block[4..], count);
    }

    /// <summary>Visits each call of the block at <paramref name="address"/> with its <see cref="EntryReference"/>.</summary>
    /// <exception cref="JournalFormatException">The block is damaged.</exception>
    public static void Visit(long address, ReadOnlySpan<byte> block, EntryVisitor visit)
    {
        if (block.Length < HeaderSize || block[0] != RatedCdrCodec.Format || block[1] != (byte)JournalRecordKind.Block)
        {
            throw new JournalFormatException(address, "not a format-1 block");
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(block[4..]);
        if (count is < 1 or > EntryReference.MaxBlockEntries)
        {
            throw new JournalFormatException(address, $"a block of {count} calls");
        }

        var position = HeaderSize;
        for (var i = 0; i < count; i++)
        {
            var length = position + LengthSize <= block.Length ? BinaryPrimitives.ReadInt32LittleEndian(block[position..]) : -1;
            position += LengthSize;
            if (length < 2 || length > block.Length - position || block[position + 1] != (byte)JournalRecordKind.RatedCdr)
            {
                throw new JournalFormatException(address, $"call {i} of the block is damaged");
            }

            visit(EntryReference.InBlock(address, i), block.Slice(position, length));
            position += length;
        }

        if (position != block.Length)
        {
            throw new JournalFormatException(address, "bytes after the block's last call");
        }
    }

    /// <summary>Visits the logical entries of a journal entry: the calls of a block, or the entry itself.</summary>
    public static void Expand(long address, ReadOnlySpan<byte> entry, EntryVisitor visit)
    {
        if (entry.Length > 1 && entry[1] == (byte)JournalRecordKind.Block)
        {
            Visit(address, entry, visit);
        }
        else
        {
            visit(EntryReference.Whole(address), entry);
        }
    }
}
