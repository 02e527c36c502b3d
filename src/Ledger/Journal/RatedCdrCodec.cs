using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Centrex.Rating.Cdrs;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;
using NodaTime;

namespace Centrex.Ledger.Journal;

/// <summary>
/// The on-disk form of a rated call in the journal (format 1). A 56-byte little-endian header then the text fields:
/// <code>
///  0 u8 format (1)       1 u8 kind (1)          2 u8 number class      3 i8 local month offset
///  4 i32 duration s      8 i64 start (Unix s)  16 i32 start ns        20 u16 id length     22 u16 account length
/// 24 i64 billed s       32 i64 charge mills    40 i64 discount mills
/// 48 u16 caller length  50 u16 callee length   52 u16 prefix length   54 u16 destination length
/// 56 id, account, caller, callee, prefix, destination (UTF-8)
/// </code>
/// A golden test freezes this layout: journals written by one build must be read by every later one. Byte 3, reserved
/// (0) until issue 17, is the call's month in its customer's zone relative to its UTC month (<see cref="State.LocalPeriod"/>):
/// the ledger writer sets it as it appends; 0 means the UTC month, which is what every older entry means by it.
/// </summary>
public static class RatedCdrCodec
{
    /// <summary>The format number this build writes.</summary>
    public const byte Format = 1;

    /// <summary>Bytes before the text fields.</summary>
    public const int HeaderSize = 56;

    /// <summary>Longest text field (lengths are stored in two bytes).</summary>
    public const int MaxFieldLength = ushort.MaxValue;

    /// <summary>Bytes the entry for these fields takes.</summary>
    public static int Size(in RatedCdrFields cdr) =>
        HeaderSize + cdr.Id.Length + cdr.Account.Length + cdr.Caller.Length + cdr.Callee.Length + cdr.Prefix.Length + cdr.Destination.Length;

    /// <summary>Writes the entry; returns its length.</summary>
    /// <exception cref="ArgumentException">A field is longer than <see cref="MaxFieldLength"/>.</exception>
    public static int Write(in RatedCdrFields cdr, IBufferWriter<byte> output)
    {
        var size = Size(cdr);
        var span = output.GetSpan(size);
        Write(cdr, span);
        output.Advance(size);
        return size;
    }

    /// <summary>Writes the entry into <paramref name="destination"/>, which must hold <see cref="Size"/> bytes.</summary>
    public static void Write(in RatedCdrFields cdr, Span<byte> destination)
    {
        destination[0] = Format;
        destination[1] = (byte)JournalRecordKind.RatedCdr;
        destination[2] = (byte)cdr.Class;
        destination[3] = 0;
        BinaryPrimitives.WriteInt32LittleEndian(destination[4..], cdr.DurationSeconds);
        BinaryPrimitives.WriteInt64LittleEndian(destination[8..], cdr.StartUnixSeconds);
        BinaryPrimitives.WriteInt32LittleEndian(destination[16..], cdr.StartNanoseconds);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[20..], Length(cdr.Id));
        BinaryPrimitives.WriteUInt16LittleEndian(destination[22..], Length(cdr.Account));
        BinaryPrimitives.WriteInt64LittleEndian(destination[24..], cdr.BilledSeconds);
        BinaryPrimitives.WriteInt64LittleEndian(destination[32..], cdr.ChargeMills);
        BinaryPrimitives.WriteInt64LittleEndian(destination[40..], cdr.DiscountMills);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[48..], Length(cdr.Caller));
        BinaryPrimitives.WriteUInt16LittleEndian(destination[50..], Length(cdr.Callee));
        BinaryPrimitives.WriteUInt16LittleEndian(destination[52..], Length(cdr.Prefix));
        BinaryPrimitives.WriteUInt16LittleEndian(destination[54..], Length(cdr.Destination));
        var p = HeaderSize;
        p = Append(cdr.Id, destination, p);
        p = Append(cdr.Account, destination, p);
        p = Append(cdr.Caller, destination, p);
        p = Append(cdr.Callee, destination, p);
        p = Append(cdr.Prefix, destination, p);
        Append(cdr.Destination, destination, p);
    }

    private static int Append(ReadOnlySpan<byte> field, Span<byte> destination, int position)
    {
        field.CopyTo(destination[position..]);
        return position + field.Length;
    }

    /// <summary>The id of an encoded entry, without decoding the rest.</summary>
    public static ReadOnlySpan<byte> Id(ReadOnlySpan<byte> entry) =>
        entry.Slice(HeaderSize, BinaryPrimitives.ReadUInt16LittleEndian(entry[20..]));

    /// <summary>The account of an encoded entry.</summary>
    public static ReadOnlySpan<byte> Account(ReadOnlySpan<byte> entry) =>
        entry.Slice(HeaderSize + BinaryPrimitives.ReadUInt16LittleEndian(entry[20..]), BinaryPrimitives.ReadUInt16LittleEndian(entry[22..]));

    /// <summary>The net amount (charge − discount) of an encoded entry, in mills.</summary>
    public static long NetMills(ReadOnlySpan<byte> entry) =>
        BinaryPrimitives.ReadInt64LittleEndian(entry[32..]) - BinaryPrimitives.ReadInt64LittleEndian(entry[40..]);

    /// <summary>The discount of an encoded entry, in mills.</summary>
    public static long DiscountMills(ReadOnlySpan<byte> entry) => BinaryPrimitives.ReadInt64LittleEndian(entry[40..]);

    /// <summary>Start of an encoded entry, in Unix seconds.</summary>
    public static long StartUnixSeconds(ReadOnlySpan<byte> entry) => BinaryPrimitives.ReadInt64LittleEndian(entry[8..]);

    /// <summary>Start of an encoded entry: nanoseconds after <see cref="StartUnixSeconds"/>.</summary>
    public static int StartNanoseconds(ReadOnlySpan<byte> entry) => BinaryPrimitives.ReadInt32LittleEndian(entry[16..]);

    /// <summary>Recorded duration of an encoded entry, in seconds.</summary>
    public static int DurationSeconds(ReadOnlySpan<byte> entry) => BinaryPrimitives.ReadInt32LittleEndian(entry[4..]);

    /// <summary>Charge before discount of an encoded entry, in mills.</summary>
    public static long ChargeMills(ReadOnlySpan<byte> entry) => BinaryPrimitives.ReadInt64LittleEndian(entry[32..]);

    /// <summary>
    /// The text fields of an encoded entry (UTF-8), in order: 0 id, 1 account, 2 caller, 3 callee, 4 prefix, 5 destination.
    /// </summary>
    public static ReadOnlySpan<byte> Text(ReadOnlySpan<byte> entry, int field)
    {
        var p = HeaderSize;
        for (var i = 0; i < field; i++)
        {
            p += TextLength(entry, i);
        }

        return entry.Slice(p, TextLength(entry, field));
    }

    private static int TextLength(ReadOnlySpan<byte> entry, int field) =>
        BinaryPrimitives.ReadUInt16LittleEndian(entry[(field < 2 ? 20 + (2 * field) : 48 + (2 * (field - 2)))..]);

    /// <summary>Billed seconds of an encoded entry.</summary>
    public static long BilledSeconds(ReadOnlySpan<byte> entry) => BinaryPrimitives.ReadInt64LittleEndian(entry[24..]);

    /// <summary>The counters' period (<c>yyyyMM</c>) of an encoded entry: its customer's month (byte 3 applied to the UTC month).</summary>
    public static int Period(ReadOnlySpan<byte> entry) => State.LocalPeriod.Of(StartUnixSeconds(entry), (sbyte)entry[3]);

    /// <summary>Number class of an encoded entry.</summary>
    public static NumberClass Class(ReadOnlySpan<byte> entry) => (NumberClass)entry[2];

    /// <summary>Decodes an entry (allocates the record and its strings).</summary>
    /// <exception cref="JournalFormatException">Not a format-1 rated CDR, or lengths that do not add up.</exception>
    public static RatedCdr Read(ReadOnlySpan<byte> entry, long address)
    {
        Check(entry, address);
        var lengths = new int[6];
        lengths[0] = BinaryPrimitives.ReadUInt16LittleEndian(entry[20..]);
        lengths[1] = BinaryPrimitives.ReadUInt16LittleEndian(entry[22..]);
        for (var i = 0; i < 4; i++)
        {
            lengths[2 + i] = BinaryPrimitives.ReadUInt16LittleEndian(entry[(48 + (2 * i))..]);
        }

        var text = new string[6];
        var p = HeaderSize;
        for (var i = 0; i < 6; i++)
        {
            text[i] = Encoding.UTF8.GetString(entry.Slice(p, lengths[i]));
            p += lengths[i];
        }

        var start = Instant.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64LittleEndian(entry[8..]))
            .PlusNanoseconds(BinaryPrimitives.ReadInt32LittleEndian(entry[16..]));
        return new RatedCdr(
            text[0], text[1], text[2], text[3], start,
            BinaryPrimitives.ReadInt32LittleEndian(entry[4..]),
            BinaryPrimitives.ReadInt64LittleEndian(entry[24..]),
            (NumberClass)entry[2],
            text[4], text[5],
            new Mills(BinaryPrimitives.ReadInt64LittleEndian(entry[32..])),
            new Mills(BinaryPrimitives.ReadInt64LittleEndian(entry[40..])));
    }

    /// <summary>Checks the header and that the field lengths fill the entry exactly.</summary>
    /// <exception cref="JournalFormatException">They do not.</exception>
    public static void Check(ReadOnlySpan<byte> entry, long address)
    {
        if (entry.Length < HeaderSize || entry[0] != Format || entry[1] != (byte)JournalRecordKind.RatedCdr)
        {
            throw new JournalFormatException(address, $"not a format-{Format} rated CDR ({entry.Length} bytes)");
        }

        var total = HeaderSize + BinaryPrimitives.ReadUInt16LittleEndian(entry[20..]) + BinaryPrimitives.ReadUInt16LittleEndian(entry[22..]);
        for (var i = 0; i < 4; i++)
        {
            total += BinaryPrimitives.ReadUInt16LittleEndian(entry[(48 + (2 * i))..]);
        }

        if (total != entry.Length || entry[2] > (byte)NumberClass.TollFreeInbound || (sbyte)entry[3] is < -1 or > 1)
        {
            throw new JournalFormatException(address, "field lengths do not match the entry");
        }
    }

    private static ushort Length(ReadOnlySpan<byte> field) =>
        field.Length <= MaxFieldLength ? (ushort)field.Length : throw new ArgumentException($"a journal field is at most {MaxFieldLength} bytes");
}
