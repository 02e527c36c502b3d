using System.Buffers.Text;
using System.Text;
using Centrex.Ledger.Journal;
using Centrex.Rating.Cdrs;
using Centrex.Rating.Csv;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;
using NodaTime;

namespace Centrex.Invoicing.Xdr;

/// <summary>
/// Writes rated calls in the xDR CSV format, straight to UTF-8 bytes in a reused buffer: nothing is allocated per row
/// except for fields that need quoting, so a million rows take well under a second.
/// </summary>
public sealed class XdrCsvWriter : IEncodedXdrWriter
{
    private const int FlushAt = 60 * 1024;
    private readonly Stream _output;
    private readonly DateTimeZone _zone;
    private readonly byte[] _buffer = new byte[128 * 1024];
    private int _used;

    /// <summary>Starts a file: writes the header. Start times are written in <paramref name="zone"/>.</summary>
    public XdrCsvWriter(Stream output, DateTimeZone zone)
    {
        _output = output;
        _zone = zone;
        XdrCsvFormat.HeaderLine.CopyTo(_buffer);
        _used = XdrCsvFormat.HeaderLine.Length;
    }

    /// <summary>Rows written.</summary>
    public long Rows { get; private set; }

    /// <summary>Appends one call.</summary>
    public void Write(RatedCdr call)
    {
        var longest = Encoding.UTF8.GetMaxByteCount(call.Id.Length + call.Account.Length + call.Caller.Length + call.Destination.Length) * 2;
        if (_used + longest + 256 > _buffer.Length)
        {
            Flush();
            if (longest + 256 > _buffer.Length)
            {
                throw new InvalidOperationException($"CDR {call.Id} has fields too long for an xDR row");
            }
        }

        var span = _buffer.AsSpan();
        Text(call.Id, span, ',');
        Text(call.Account, span, ',');
        Text(call.Caller, span, ',');
        Text(call.Callee, span, ',');
        _used += LocalTimeText.Write(call.Start, _zone, span[_used..]);
        span[_used++] = (byte)',';
        Number(call.DurationSeconds, span, ',');
        Number(call.BilledSeconds, span, ',');
        var cls = call.Class.ToUtf8WireName();
        cls.CopyTo(span[_used..]);
        _used += cls.Length;
        span[_used++] = (byte)',';
        Text(call.Prefix, span, ',');
        Text(call.Destination, span, ',');
        Money(call.Charge, span, ',');
        Money(call.Discount, span, ',');
        Money(call.Net, span, '\n');
        Rows++;
        if (_used >= FlushAt)
        {
            Flush();
        }
    }

    /// <summary>Appends one call still encoded as the journal holds it (<see cref="RatedCdrCodec"/>): its UTF-8 fields are copied as they are.</summary>
    public void WriteEncoded(ReadOnlySpan<byte> entry)
    {
        if (_used + entry.Length * 2 + 256 > _buffer.Length)
        {
            Flush();
            if (entry.Length * 2 + 256 > _buffer.Length)
            {
                throw new InvalidOperationException($"CDR {Encoding.UTF8.GetString(RatedCdrCodec.Id(entry))} has fields too long for an xDR row");
            }
        }

        var span = _buffer.AsSpan();
        for (var field = 0; field < 4; field++)
        {
            Utf8(RatedCdrCodec.Text(entry, field), span);
        }

        var start = Instant.FromUnixTimeSeconds(RatedCdrCodec.StartUnixSeconds(entry)).PlusNanoseconds(RatedCdrCodec.StartNanoseconds(entry));
        _used += LocalTimeText.Write(start, _zone, span[_used..]);
        span[_used++] = (byte)',';
        Number(RatedCdrCodec.DurationSeconds(entry), span, ',');
        Number(RatedCdrCodec.BilledSeconds(entry), span, ',');
        var cls = RatedCdrCodec.Class(entry).ToUtf8WireName();
        cls.CopyTo(span[_used..]);
        _used += cls.Length;
        span[_used++] = (byte)',';
        Utf8(RatedCdrCodec.Text(entry, 4), span);
        Utf8(RatedCdrCodec.Text(entry, 5), span);
        var charge = RatedCdrCodec.ChargeMills(entry);
        var discount = RatedCdrCodec.DiscountMills(entry);
        Money(new Mills(charge), span, ',');
        Money(new Mills(discount), span, ',');
        Money(new Mills(charge - discount), span, '\n');
        Rows++;
        if (_used >= FlushAt)
        {
            Flush();
        }
    }

    /// <summary>Writes what is buffered to the stream.</summary>
    public void Flush()
    {
        _output.Write(_buffer, 0, _used);
        _used = 0;
    }

    /// <summary>Flushes: the CSV contract has no room for a summary, the command prints it instead.</summary>
    public void Finish(XdrSummary summary) => Flush();

    /// <summary>Flushes; the stream stays the caller's.</summary>
    public void Dispose() => Flush();

    private void Text(string value, Span<byte> span, char separator)
    {
        Span<byte> utf8 = stackalloc byte[512];
        var bytes = value.Length <= 170 ? utf8[..Encoding.UTF8.GetBytes(value, utf8)] : Encoding.UTF8.GetBytes(value);
        CsvText.TryWriteField(bytes, span[_used..], out var written);
        _used += written;
        span[_used++] = (byte)separator;
    }

    private void Utf8(ReadOnlySpan<byte> value, Span<byte> span)
    {
        CsvText.TryWriteField(value, span[_used..], out var written);
        _used += written;
        span[_used++] = (byte)',';
    }

    private void Number(long value, Span<byte> span, char separator)
    {
        Utf8Formatter.TryFormat(value, span[_used..], out var written);
        _used += written;
        span[_used++] = (byte)separator;
    }

    private void Money(Mills value, Span<byte> span, char separator)
    {
        value.TryFormat(span[_used..], out var written);
        _used += written;
        span[_used++] = (byte)separator;
    }
}
