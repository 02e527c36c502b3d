using Centrex.Api;
using System.Text.Json;
using Centrex.Ledger;
using Centrex.Rating.Csv;
using Microsoft.AspNetCore.Http;

namespace Centrex.Ingestion;

/// <summary>
/// <c>POST /v1/cdr-batches</c>: a switch posts CDRs in the <c>centrex rate</c> CSV contract with an
/// <c>Idempotency-Key</c> header; the answer (after the batch is committed) lists each row's outcome, or with
/// <c>Prefer: return=minimal</c> only the rows not charged (<see cref="MinimalReturn"/>).
/// </summary>
internal sealed class IngestionEndpoint(BatchParser parser, IngestionWriter writer, IngestionLimits limits, RequestBodyBudget budget)
{
    /// <summary>The route.</summary>
    public const string Route = "/v1/cdr-batches";

    /// <summary>The header naming the batch.</summary>
    public const string KeyHeader = "Idempotency-Key";

    public async Task Handle(HttpContext context)
    {
        var key = context.Request.Headers[KeyHeader].ToString();
        if (key.Length is 0 or > IngestionLimits.MaxKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            await Respond(context, StatusCodes.Status400BadRequest, json => BatchResponse.WriteError(json, "bad-idempotency-key",
                $"every batch carries an {KeyHeader} header of 1 to {IngestionLimits.MaxKeyLength} printable ASCII characters; resend it unchanged on retry", field: KeyHeader));
            return;
        }

        var (read, body) = await BodyReader.ReadAsync(context.Request, limits.MaxBatchBytes, budget, context.RequestAborted);
        using (body)
        {
            if (read == BodyReader.Outcome.TooLarge)
            {
                await TooLarge(context, $"a batch is at most {limits.MaxBatchBytes:N0} bytes");
                return;
            }

            if (read == BodyReader.Outcome.Busy)
            {
                context.Response.Headers.RetryAfter = "1";
                await Respond(context, StatusCodes.Status503ServiceUnavailable, json => BatchResponse.WriteError(json, "busy",
                    $"the service is holding its limit of {budget.Capacity:N0} bytes of batches in flight; resend the batch with the same key shortly"));
                return;
            }

            ParsedBatch batch;
            try
            {
                batch = parser.Parse(key, body.Buffer, body.Length);
            }
            catch (CsvFormatException e)
            {
                await Respond(context, StatusCodes.Status400BadRequest, json => BatchResponse.WriteError(json, "malformed-batch",
                    $"line {e.Line}, field '{e.Field}': {e.Reason}; nothing in the batch was applied", e.Line, e.Field));
                return;
            }
            catch (BatchTooLargeException e)
            {
                await TooLarge(context, e.Message);
                return;
            }

            BatchResult result;
            try
            {
                result = await writer.SubmitAsync(batch);
            }
            catch (LedgerWorkFailedException e)
            {
                // This batch alone failed on the writer thread, before it wrote anything; the ledger goes on serving.
                await Respond(context, StatusCodes.Status500InternalServerError, json => BatchResponse.WriteError(json, "batch-failed",
                    $"{e.Message}; nothing in the batch was applied and it was not acknowledged: resend it with the same key, and report the error if it persists"));
                return;
            }
            catch (Exception e) when (e is LedgerUnavailableException or InvalidOperationException or IOException)
            {
                await Respond(context, StatusCodes.Status503ServiceUnavailable, json => BatchResponse.WriteError(json, "ledger-unavailable",
                    $"{e.Message}; the batch was not acknowledged: resend it with the same key once the service is back"));
                return;
            }

            // The writer has run the batch's job: its pooled rows and journal go back once the answer is written.
            try
            {
                if (result.KeyConflict)
                {
                    await Respond(context, StatusCodes.Status422UnprocessableEntity, json => BatchResponse.WriteError(json, "idempotency-key-reused",
                        $"the key '{key}' was used before for a different batch; a retry must resend the same bytes, a new batch needs a new key", field: KeyHeader));
                    return;
                }

                var minimal = MinimalReturn.IsAsked(context.Request.Headers["Prefer"]);
                if (minimal)
                {
                    context.Response.Headers[MinimalReturn.AppliedHeader] = MinimalReturn.Applied;
                }

                var listed = minimal ? result.Rows.Count(r => r.Outcome != Ledger.Journal.BatchOutcome.Rated) : result.Rows.Count;
                await RespondBytes(context, StatusCodes.Status200OK, buffer => BatchResponse.WriteResult(buffer, batch, result, minimal), 1024 + (listed * BatchResponse.BytesPerRow));
            }
            finally
            {
                batch.Release();
            }
        }
    }

    // The answers are written by our own code in a fixed shape: the writer's structural validation (a state check on
    // every call, six calls a row) buys nothing here. Values are still escaped.
    private static readonly JsonWriterOptions Options = new() { Encoder = BatchResponse.Encoder, SkipValidation = true };

    private static Task TooLarge(HttpContext context, string message) =>
        Respond(context, StatusCodes.Status413PayloadTooLarge, json => BatchResponse.WriteError(json, "batch-too-large", $"{message}; split it into smaller batches"));

    internal static Task Respond(HttpContext context, int status, Action<Utf8JsonWriter> write, int expectedBytes = 1024) =>
        RespondBytes(context, status, buffer =>
        {
            using var json = new Utf8JsonWriter(buffer, Options);
            write(json);
        }, expectedBytes);

    private static async Task RespondBytes(HttpContext context, int status, Action<PooledBuffer> write, int expectedBytes)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        // Sized for the whole answer up front: a large batch's answer is megabytes, and growing the buffer by doubling
        // copied it several times over. Rented, as a large answer is ~10 MB.
        using var buffer = new PooledBuffer(expectedBytes);
        write(buffer);
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }
}
