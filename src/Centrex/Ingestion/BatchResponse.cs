using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Centrex.Ledger.Journal;
using Centrex.Rating.Money;

namespace Centrex.Ingestion;

/// <summary>
/// The JSON bodies of the ingestion API (documented in the README): per-row outcomes with a summary, or an error with
/// what was wrong and where.
/// </summary>
internal static class BatchResponse
{
    /// <summary>About how many bytes a row of <see cref="WriteResult"/> takes (sizes the answer's buffer once).</summary>
    public const int BytesPerRow = 96;

    // The escaping every answer uses (the endpoint's Utf8JsonWriter options): ids and keys go out as JSON strings.
    internal static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    // A row without its line digits, id and charge: {"line":,"id":"","outcome":"duplicate"} is the longest fixed text,
    // {"line":,"id":"","outcome":"rated","charge":""} with a charge of up to 24 bytes the longest in all.
    private const int RowFixedBytes = 80;

    /// <summary>
    /// The answer to an applied (or replayed) batch, written straight as UTF-8: a batch's answer has a row per CDR
    /// (100,000 in a large batch, ~7 MB), and writing it through <see cref="Utf8JsonWriter"/> (six calls a row, each
    /// escaping its value and checking its buffer) took 0.10 us of CPU a row, by hand 0.03 (bench/README, "Ninth session:
    /// the request side"). The bytes are those the writer gave (tests/Centrex.Cli.Tests/Ingestion/BatchAnswerBytesTests
    /// compares them): an id that needs escaping is escaped by the same encoder, a plain one is copied.
    /// </summary>
    /// <param name="output">Where the answer goes.</param>
    /// <param name="batch">The batch (its rows' lines and ids).</param>
    /// <param name="result">What was done with each row.</param>
    /// <param name="minimal">Lists only the rows not charged (duplicates, rejected): <c>Prefer: return=minimal</c>.
    /// The summary counts every row either way.</param>
    public static void WriteResult(IBufferWriter<byte> output, ParsedBatch batch, BatchResult result, bool minimal = false)
    {
        var listed = 0;
        long rated = 0, duplicates = 0, rejected = 0;
        var total = Mills.Zero;
        Write(output, "{\"key\":"u8);
        WriteString(output, Encoding.UTF8.GetBytes(result.Key));
        Write(output, result.Replayed ? ",\"replayed\":true,\"rows\":["u8 : ",\"replayed\":false,\"rows\":["u8);
        for (var i = 0; i < result.Rows.Count; i++)
        {
            var row = result.Rows[i];
            if (minimal && row.Outcome == BatchOutcome.Rated)
            {
                rated++;
                total += row.Charge;
                continue;
            }

            var id = batch.Id(i);
            var plain = IsPlain(id);
            var encoded = plain ? default : JsonEncodedText.Encode(id, Encoder);
            var idBytes = plain ? id : encoded.EncodedUtf8Bytes;
            var span = output.GetSpan(RowFixedBytes + 20 + idBytes.Length);
            var n = 0;
            if (listed++ > 0)
            {
                span[n++] = (byte)',';
            }

            n += Put(span[n..], "{\"line\":"u8);
            Utf8Formatter.TryFormat(batch.Rows[i].Line, span[n..], out var digits);
            n += digits;
            n += Put(span[n..], ",\"id\":\""u8);
            n += Put(span[n..], idBytes);
            switch (row.Outcome)
            {
                case BatchOutcome.Rated:
                    rated++;
                    total += row.Charge;
                    n += Put(span[n..], "\",\"outcome\":\"rated\",\"charge\":\""u8);
                    var ok = row.Charge.TryFormat(span[n..], out var written);
                    System.Diagnostics.Debug.Assert(ok, "the span holds any long with sign and point");
                    n += written;
                    n += Put(span[n..], "\"}"u8);
                    break;
                case BatchOutcome.Duplicate:
                    duplicates++;
                    n += Put(span[n..], "\",\"outcome\":\"duplicate\"}"u8);
                    break;
                default:
                    rejected++;
                    n += Put(span[n..], "\",\"outcome\":\"rejected\",\"reason\":\"no-rate\"}"u8);
                    break;
            }

            output.Advance(n);
        }

        Write(output, "],\"summary\":{\"rows\":"u8);
        WriteNumber(output, result.Rows.Count);
        Write(output, ",\"rated\":"u8);
        WriteNumber(output, rated);
        Write(output, ",\"duplicates\":"u8);
        WriteNumber(output, duplicates);
        Write(output, ",\"rejected\":"u8);
        WriteNumber(output, rejected);
        Write(output, ",\"charge\":"u8);
        WriteString(output, Encoding.UTF8.GetBytes(total.ToString()));
        Write(output, "}}"u8);
    }

    // Printable ASCII but the quote and the backslash: what the encoder leaves as it is, so the bytes are copied.
    private static bool IsPlain(ReadOnlySpan<byte> value)
    {
        foreach (var b in value)
        {
            if (b is < 0x20 or > 0x7E or (byte)'"' or (byte)'\\')
            {
                return false;
            }
        }

        return true;
    }

    private static int Put(Span<byte> destination, ReadOnlySpan<byte> text)
    {
        text.CopyTo(destination);
        return text.Length;
    }

    private static void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> text)
    {
        text.CopyTo(output.GetSpan(text.Length));
        output.Advance(text.Length);
    }

    private static void WriteString(IBufferWriter<byte> output, ReadOnlySpan<byte> value)
    {
        Write(output, "\""u8);
        Write(output, IsPlain(value) ? value : JsonEncodedText.Encode(value, Encoder).EncodedUtf8Bytes);
        Write(output, "\""u8);
    }

    private static void WriteNumber(IBufferWriter<byte> output, long value)
    {
        Utf8Formatter.TryFormat(value, output.GetSpan(20), out var written);
        output.Advance(written);
    }

    /// <summary>An error: a stable code, a sentence, and the line and field when a row is at fault.</summary>
    public static void WriteError(Utf8JsonWriter json, string error, string message, long line = 0, string? field = null)
    {
        json.WriteStartObject();
        json.WriteString("error", error);
        json.WriteString("message", message);
        if (line > 0)
        {
            json.WriteNumber("line", line);
        }

        if (field is not null)
        {
            json.WriteString("field", field);
        }

        json.WriteEndObject();
    }
}
