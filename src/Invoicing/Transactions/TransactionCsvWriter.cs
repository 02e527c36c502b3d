using System.Buffers.Text;
using System.Text;
using Centrex.Rating.Csv;
using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Invoicing.Transactions;

/// <summary>
/// Writes the transactions CSV (<see cref="TransactionReport.Header"/>, rows as <see cref="TransactionReport.WriteCsvRow"/>
/// writes them, byte for byte) straight to UTF-8 in a reused buffer, as <see cref="Xdr.XdrCsvWriter"/> writes the xDR: a
/// call's row is built from the UTF-8 fields its source holds (<see cref="WriteCall"/>), so a download of a million calls
/// allocates nothing per call (bench/README.md, "Transactions CSV"). The few other transactions (ledger entries,
/// payments) go through <see cref="Write"/>, which may allocate.
/// </summary>
public sealed class TransactionCsvWriter : IDisposable
{
    private const int FlushAt = 60 * 1024;
    private static readonly byte[] CallTo = "Call to +"u8.ToArray();
    private readonly Stream _output;
    private readonly byte[] _buffer = new byte[128 * 1024];
    private byte[] _description = new byte[512];
    private int _used;

    /// <summary>Starts the file: writes the header.</summary>
    public TransactionCsvWriter(Stream output)
    {
        _output = output;
        _used = Encoding.UTF8.GetBytes(TransactionReport.Header + "\n", _buffer);
    }

    /// <summary>Rows written.</summary>
    public long Rows { get; private set; }

    /// <summary>
    /// Appends a call: <c>date,calls,ACCOUNT,"Call to +CALLEE (DESTINATION)",ID,,BILLED,seconds,NET</c>, its fields the
    /// UTF-8 bytes they are stored as.
    /// </summary>
    public void WriteCall(LocalDate date, ReadOnlySpan<byte> account, ReadOnlySpan<byte> callee, ReadOnlySpan<byte> destination, ReadOnlySpan<byte> id, long billedSeconds, Mills net)
    {
        var descriptionLength = CallTo.Length + callee.Length + 2 + destination.Length + 1;
        if (_description.Length < descriptionLength)
        {
            _description = new byte[descriptionLength * 2];
        }

        var d = _description.AsSpan();
        CallTo.CopyTo(d);
        var p = CallTo.Length;
        callee.CopyTo(d[p..]);
        p += callee.Length;
        d[p++] = (byte)' ';
        d[p++] = (byte)'(';
        destination.CopyTo(d[p..]);
        p += destination.Length;
        d[p++] = (byte)')';

        var longest = CsvText.MaxEncodedLength(account.Length) + CsvText.MaxEncodedLength(p) + CsvText.MaxEncodedLength(id.Length) + 128;
        Room(longest);
        var span = _buffer.AsSpan();
        Date(date, span);
        Ascii(",calls,", span);
        Field(account, span);
        span[_used++] = (byte)',';
        Field(d[..p], span);
        span[_used++] = (byte)',';
        Field(id, span);
        span[_used++] = (byte)',';
        span[_used++] = (byte)','; // no invoice: a call is listed from the journal, invoiced or not
        Utf8Formatter.TryFormat(billedSeconds, span[_used..], out var written);
        _used += written;
        Ascii(",seconds,", span);
        net.TryFormat(span[_used..], out written);
        _used += written;
        span[_used++] = (byte)'\n';
        Done();
    }

    /// <summary>Appends any transaction (a ledger entry, a payment): through <see cref="TransactionReport.WriteCsvRow"/>'s text.</summary>
    public void Write(Transaction transaction)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        TransactionReport.WriteCsvRow(transaction, text);
        var row = text.ToString();
        Room(Encoding.UTF8.GetMaxByteCount(row.Length));
        _used += Encoding.UTF8.GetBytes(row, _buffer.AsSpan(_used));
        Done();
    }

    /// <summary>Writes what is buffered to the stream.</summary>
    public void Flush()
    {
        _output.Write(_buffer, 0, _used);
        _used = 0;
    }

    /// <summary>Flushes; the stream stays the caller's.</summary>
    public void Dispose() => Flush();

    private void Room(int bytes)
    {
        if (_used + bytes > _buffer.Length)
        {
            Flush();
            if (bytes > _buffer.Length)
            {
                throw new InvalidOperationException("a transaction with fields too long for a CSV row");
            }
        }
    }

    private void Done()
    {
        Rows++;
        if (_used >= FlushAt)
        {
            Flush();
        }
    }

    private void Field(ReadOnlySpan<byte> value, Span<byte> span)
    {
        CsvText.TryWriteField(value, span[_used..], out var written);
        _used += written;
    }

    private void Ascii(string text, Span<byte> span)
    {
        foreach (var c in text)
        {
            span[_used++] = (byte)c;
        }
    }

    // LocalDatePattern.Iso: uuuu-MM-dd (the years of calls are four digits).
    private void Date(LocalDate date, Span<byte> span)
    {
        Digits(date.Year, 4, span);
        span[_used++] = (byte)'-';
        Digits(date.Month, 2, span);
        span[_used++] = (byte)'-';
        Digits(date.Day, 2, span);
    }

    private void Digits(int value, int width, Span<byte> span)
    {
        for (var i = width - 1; i >= 0; i--)
        {
            span[_used + i] = (byte)('0' + (value % 10));
            value /= 10;
        }

        _used += width;
    }
}
