using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Centrex.Rating.Money;

namespace Centrex.Ledger.Journal;

/// <summary>
/// The on-disk form of an <see cref="AcceptedBatch"/> (format 1): a 32-byte little-endian header, the key, then ten
/// bytes per row:
/// <code>
///  0 u8 format (1)   1 u8 kind (2)   2 u16 reserved   4 i32 rows   8 u64 body hash (high)   16 u64 body hash (low)
/// 24 u16 key length  26 u16 reserved  28 i32 reserved  32 key (UTF-8), then per row: u8 outcome, u8 reserved, i64 charge mills
/// </code>
/// </summary>
public static class BatchCodec
{
    /// <summary>Bytes before the key.</summary>
    public const int HeaderSize = 32;

    /// <summary>Bytes per row.</summary>
    public const int RowSize = 10;

    /// <summary>Longest idempotency key (bytes) a batch record holds.</summary>
    public const int MaxKeyBytes = 200;

    /// <summary>
    /// Most rows one batch record can hold: it is one journal entry, and an entry must fit in a journal page (a batch
    /// of 450,000 rows did not, and its failed append stopped the ledger: issue 13 review).
    /// </summary>
    public const int MaxRows = (CdrJournal.MaxEntryBytes - HeaderSize - MaxKeyBytes) / RowSize;

    /// <summary>Bytes an entry takes.</summary>
    public static int Size(int keyBytes, int rows) => HeaderSize + keyBytes + (rows * RowSize);

    /// <summary>Writes the entry; returns its length.</summary>
    public static int Write(AcceptedBatch batch, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var key = Encoding.UTF8.GetBytes(batch.Key);
        if (key.Length > ushort.MaxValue)
        {
            throw new ArgumentException("an idempotency key is at most 65,535 bytes", nameof(batch));
        }

        var size = Size(key.Length, batch.Rows.Count);
        var span = output.GetSpan(size)[..size];
        span.Clear();
        span[0] = RatedCdrCodec.Format;
        span[1] = (byte)JournalRecordKind.Batch;
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], batch.Rows.Count);
        BinaryPrimitives.WriteUInt64LittleEndian(span[8..], (ulong)(batch.BodyHash >> 64));
        BinaryPrimitives.WriteUInt64LittleEndian(span[16..], (ulong)batch.BodyHash);
        BinaryPrimitives.WriteUInt16LittleEndian(span[24..], (ushort)key.Length);
        key.CopyTo(span[HeaderSize..]);
        var p = HeaderSize + key.Length;
        foreach (var row in batch.Rows)
        {
            span[p] = (byte)row.Outcome;
            BinaryPrimitives.WriteInt64LittleEndian(span[(p + 2)..], row.Charge.Value);
            p += RowSize;
        }

        output.Advance(size);
        return size;
    }

    /// <summary>The key of an encoded batch.</summary>
    public static ReadOnlySpan<byte> Key(ReadOnlySpan<byte> entry) => entry.Slice(HeaderSize, BinaryPrimitives.ReadUInt16LittleEndian(entry[24..]));

    /// <summary>Decodes an entry.</summary>
    /// <exception cref="JournalFormatException">Not a format-1 batch.</exception>
    public static AcceptedBatch Read(ReadOnlySpan<byte> entry, long address)
    {
        if (entry.Length < HeaderSize || entry[0] != RatedCdrCodec.Format || entry[1] != (byte)JournalRecordKind.Batch)
        {
            throw new JournalFormatException(address, "not a format-1 batch");
        }

        var rows = BinaryPrimitives.ReadInt32LittleEndian(entry[4..]);
        int keyLength = BinaryPrimitives.ReadUInt16LittleEndian(entry[24..]);
        if (rows < 0 || Size(keyLength, rows) != entry.Length)
        {
            throw new JournalFormatException(address, "row count does not match the entry");
        }

        var hash = ((UInt128)BinaryPrimitives.ReadUInt64LittleEndian(entry[8..]) << 64) | BinaryPrimitives.ReadUInt64LittleEndian(entry[16..]);
        var list = new BatchRow[rows];
        var p = HeaderSize + keyLength;
        for (var i = 0; i < rows; i++, p += RowSize)
        {
            list[i] = new BatchRow((BatchOutcome)entry[p], new Mills(BinaryPrimitives.ReadInt64LittleEndian(entry[(p + 2)..])));
        }

        return new AcceptedBatch(Encoding.UTF8.GetString(entry.Slice(HeaderSize, keyLength)), hash, list);
    }
}
