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
    /// <summary>The answer to an applied (or replayed) batch.</summary>
    public static void WriteResult(Utf8JsonWriter json, BatchResult result)
    {
        long rated = 0, duplicates = 0, rejected = 0;
        var total = Mills.Zero;
        json.WriteStartObject();
        json.WriteString("key", result.Key);
        json.WriteBoolean("replayed", result.Replayed);
        json.WriteStartArray("rows");
        foreach (var row in result.Rows)
        {
            json.WriteStartObject();
            json.WriteNumber("line", row.Line);
            json.WriteString("id", row.Id);
            switch (row.Outcome)
            {
                case BatchOutcome.Rated:
                    rated++;
                    total += row.Charge;
                    json.WriteString("outcome", "rated");
                    json.WriteString("charge", row.Charge.ToString());
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
