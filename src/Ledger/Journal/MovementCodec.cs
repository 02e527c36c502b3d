using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Ledger.Journal;

/// <summary>
/// The on-disk form of a <see cref="BalanceMovement"/> (format 1): a 32-byte little-endian header then the text:
/// <code>
///  0 u8 format (1)   1 u8 kind (3)   2 u8 movement kind   3 u8 reserved   4 i32 reserved
///  8 i64 at (Unix s)   16 i64 amount mills   24 u16 id length   26 u16 account length   28 u16 reference length
/// 30 u16 reserved    32 id, account, reference (UTF-8)
/// </code>
/// </summary>
public static class MovementCodec
{
    /// <summary>Bytes before the text fields.</summary>
    public const int HeaderSize = 32;

    /// <summary>Writes the entry; returns its length.</summary>
    public static int Write(BalanceMovement movement, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(movement);
        var id = Encoding.UTF8.GetBytes(movement.Id);
        var account = Encoding.UTF8.GetBytes(movement.Account);
        var reference = Encoding.UTF8.GetBytes(movement.Reference);
        if (id.Length > ushort.MaxValue || account.Length > ushort.MaxValue || reference.Length > ushort.MaxValue)
        {
            throw new ArgumentException("a movement's id, account and reference are at most 65,535 bytes each", nameof(movement));
        }

        var size = HeaderSize + id.Length + account.Length + reference.Length;
        var span = output.GetSpan(size)[..size];
        span.Clear();
        span[0] = RatedCdrCodec.Format;
        span[1] = (byte)JournalRecordKind.Movement;
        span[2] = (byte)movement.Kind;
        BinaryPrimitives.WriteInt64LittleEndian(span[8..], movement.At.ToUnixTimeSeconds());
        BinaryPrimitives.WriteInt64LittleEndian(span[16..], movement.Amount.Value);
        BinaryPrimitives.WriteUInt16LittleEndian(span[24..], (ushort)id.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(span[26..], (ushort)account.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(span[28..], (ushort)reference.Length);
        id.CopyTo(span[HeaderSize..]);
        account.CopyTo(span[(HeaderSize + id.Length)..]);
        reference.CopyTo(span[(HeaderSize + id.Length + account.Length)..]);
        output.Advance(size);
        return size;
    }

    /// <summary>The id of an encoded movement.</summary>
    public static ReadOnlySpan<byte> Id(ReadOnlySpan<byte> entry) => entry.Slice(HeaderSize, BinaryPrimitives.ReadUInt16LittleEndian(entry[24..]));

    /// <summary>The account of an encoded movement.</summary>
    public static ReadOnlySpan<byte> Account(ReadOnlySpan<byte> entry) =>
        entry.Slice(HeaderSize + BinaryPrimitives.ReadUInt16LittleEndian(entry[24..]), BinaryPrimitives.ReadUInt16LittleEndian(entry[26..]));

    /// <summary>The signed amount of an encoded movement, in mills.</summary>
    public static long AmountMills(ReadOnlySpan<byte> entry) => BinaryPrimitives.ReadInt64LittleEndian(entry[16..]);

    /// <summary>Decodes an entry.</summary>
    /// <exception cref="JournalFormatException">Not a format-1 movement.</exception>
    public static BalanceMovement Read(ReadOnlySpan<byte> entry, long address)
    {
        if (entry.Length < HeaderSize || entry[0] != RatedCdrCodec.Format || entry[1] != (byte)JournalRecordKind.Movement)
        {
            throw new JournalFormatException(address, "not a format-1 balance movement");
        }

        int idLength = BinaryPrimitives.ReadUInt16LittleEndian(entry[24..]);
        int accountLength = BinaryPrimitives.ReadUInt16LittleEndian(entry[26..]);
        int referenceLength = BinaryPrimitives.ReadUInt16LittleEndian(entry[28..]);
        if (HeaderSize + idLength + accountLength + referenceLength != entry.Length)
        {
            throw new JournalFormatException(address, "field lengths do not match the entry");
        }

        return new BalanceMovement(
            Encoding.UTF8.GetString(entry.Slice(HeaderSize, idLength)),
            Encoding.UTF8.GetString(entry.Slice(HeaderSize + idLength, accountLength)),
            (MovementKind)entry[2],
            new Mills(BinaryPrimitives.ReadInt64LittleEndian(entry[16..])),
            Instant.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64LittleEndian(entry[8..])),
            Encoding.UTF8.GetString(entry.Slice(HeaderSize + idLength + accountLength, referenceLength)));
    }
}
