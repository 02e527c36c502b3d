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
    // A batch's answer has a row per CDR (100,000 in a large batch): the names and fixed values are encoded once, and
    // the charge is formatted straight to UTF-8, so writing a row allocates nothing (issue 16's ingestion bench).
    private static readonly JsonEncodedText Line = JsonEncodedText.Encode("line");
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Outcome = JsonEncodedText.Encode("outcome");
    private static readonly JsonEncodedText Charge = JsonEncodedText.Encode("charge");
    private static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
    private static readonly JsonEncodedText Rated = JsonEncodedText.Encode("rated");
    private static readonly JsonEncodedText Duplicate = JsonEncodedText.Encode("duplicate");
    private static readonly JsonEncodedText Rejected = JsonEncodedText.Encode("rejected");
    private static readonly JsonEncodedText NoRate = JsonEncodedText.Encode("no-rate");

    /// <summary>About how many bytes a row of <see cref="WriteResult"/> takes (sizes the answer's buffer once).</summary>
    public const int BytesPerRow = 96;

    /// <summary>The answer to an applied (or replayed) batch.</summary>
    public static void WriteResult(Utf8JsonWriter json, ParsedBatch batch, BatchResult result)
    {
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
            json.WriteNumber(Line, batch.Rows[i].Line);
            json.WriteString(Id, batch.Id(i));
            switch (row.Outcome)
            {
                case BatchOutcome.Rated:
                    rated++;
                    total += row.Charge;
                    json.WriteString(Outcome, Rated);
                    var ok = row.Charge.TryFormat(charge, out var written);
                    System.Diagnostics.Debug.Assert(ok, "32 bytes hold any long with sign and point");
                    json.WriteString(Charge, charge[..written]);
                    break;
                case BatchOutcome.Duplicate:
                    duplicates++;
                    json.WriteString(Outcome, Duplicate);
                    break;
                default:
                    rejected++;
                    json.WriteString(Outcome, Rejected);
                    json.WriteString(Reason, NoRate);
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
