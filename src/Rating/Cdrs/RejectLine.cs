using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Unicode;
using Centrex.Rating.Csv;

namespace Centrex.Rating.Cdrs;

/// <summary>Renders one line of the rejects CSV contract: <c>line,id,reason</c>.</summary>
public static class RejectLine
{
    /// <summary>Appends the line (LF-terminated).</summary>
    /// <param name="line">Physical line the record starts on.</param>
    /// <param name="id">The id as read (may be empty, may be invalid UTF-8).</param>
    /// <param name="reason">Why the record was rejected.</param>
    /// <param name="output">Where the line goes.</param>
    public static void Write(long line, ReadOnlySpan<byte> id, RejectReason reason, IBufferWriter<byte> output)
    {
        // A row that is not UTF-8 must not make the rejects file invalid too: its id is written with replacement characters.
        var safeId = Utf8.IsValid(id) ? id : Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(id));
        var name = reason.ToUtf8WireName();
        var span = output.GetSpan(20 + CsvText.MaxEncodedLength(safeId.Length) + name.Length + 3);
        Utf8Formatter.TryFormat(line, span, out var p);
        span[p++] = (byte)',';
        CsvText.TryWriteField(safeId, span[p..], out var n);
        p += n;
        span[p++] = (byte)',';
        name.CopyTo(span[p..]);
        p += name.Length;
        span[p++] = (byte)'\n';
        output.Advance(p);
    }
}
