using System.Text.Json;
using Centrex.Ingestion;
using Centrex.Ledger.Journal;
using Centrex.Rating.Money;

namespace Centrex.Cli.Tests.Ingestion;

/// <summary>
/// The batch answer as serve wrote it through <see cref="Utf8JsonWriter"/> until issue 16's ninth session (build
/// badd4b4, with the endpoint's writer options): the reference the hand-written <see cref="BatchResponse.WriteResult"/>
/// must match byte for byte, and the bench's request-side probe compares against.
/// </summary>
internal static class Utf8JsonBatchAnswer
{
    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    public static void Write(System.Buffers.IBufferWriter<byte> output, ParsedBatch batch, BatchResult result)
    {
        using var json = new Utf8JsonWriter(output, Options);
        long rated = 0, duplicates = 0, rejected = 0;
        var total = Mills.Zero;
        json.WriteStartObject();
        json.WriteString("key", result.Key);
        json.WriteBoolean("replayed", result.Replayed);
        json.WriteStartArray("rows");
        Span<byte> charge = stackalloc byte[32];
        for (var i = 0; i < result.Rows.Count; i++)
        {
            var row = result.Rows[i];
            json.WriteStartObject();
            json.WriteNumber("line", batch.Rows[i].Line);
            json.WriteString("id", batch.Id(i));
            switch (row.Outcome)
            {
                case BatchOutcome.Rated:
                    rated++;
                    total += row.Charge;
                    json.WriteString("outcome", "rated");
                    row.Charge.TryFormat(charge, out var written);
                    json.WriteString("charge", charge[..written]);
                    break;
                case BatchOutcome.Duplicate:
                    duplicates++;
                    json.WriteString("outcome", "duplicate");
                    break;
                default:
                    rejected++;
                    json.WriteString("outcome", "rejected");
                    json.WriteString("reason", "no-rate");
                    break;
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("summary");
        json.WriteNumber("rows", result.Rows.Count);
        json.WriteNumber("rated", rated);
        json.WriteNumber("duplicates", duplicates);
        json.WriteNumber("rejected", rejected);
        json.WriteString("charge", total.ToString());
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
