using System.Globalization;
using System.Text.Json;

namespace Centrex.Invoicing.Payments;

/// <summary>
/// A payment gateway for tests, demos and staging: it takes no money. A card token says what happens: a token ending in
/// the wire name of a <see cref="DeclineReason"/> (<c>tok_visa_insufficient-funds</c>) is declined for that reason; any
/// other is approved. Every answer is kept by idempotency key in <c>DATA/test-gateway.json</c>, so a key asked again
/// gets the first answer and nothing is charged twice, across processes.
/// </summary>
public sealed class TestPaymentGateway(string dataDirectory) : IPaymentGateway
{
    /// <summary>The file of answers in the data directory.</summary>
    public const string FileName = "test-gateway.json";

    private static readonly Lock FileLock = new();

    /// <summary>Charges asked so far that were approved (a key answered again is not counted twice).</summary>
    public IReadOnlyList<(string Key, string Reference, long AmountMills)> Approved
    {
        get
        {
            lock (FileLock)
            {
                return [.. Load().Where(e => e.Value.Approved).Select(e => (e.Key, e.Value.Reference!, e.Value.AmountMills))];
            }
        }
    }

    /// <inheritdoc />
    public PaymentResult Charge(PaymentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (FileLock)
        {
            var answers = Load();
            if (answers.TryGetValue(request.IdempotencyKey, out var earlier))
            {
                return earlier.Approved ? PaymentResult.Ok(earlier.Reference!) : PaymentResult.Declined(DeclineReasons.Parse(earlier.Decline!)!.Value);
            }

            var decline = Enum.GetValues<DeclineReason>().Cast<DeclineReason?>().FirstOrDefault(r => request.CardToken.EndsWith(r!.Value.ToWireName(), StringComparison.Ordinal));
            var answer = decline is { } reason
                ? new Answer(false, null, reason.ToWireName(), request.Amount.Value)
                : new Answer(true, string.Create(CultureInfo.InvariantCulture, $"test-{answers.Count + 1:D6}"), null, request.Amount.Value);
            answers[request.IdempotencyKey] = answer;
            var path = Path.Combine(dataDirectory, FileName);
            File.WriteAllBytes(path + ".partial", JsonSerializer.SerializeToUtf8Bytes(answers));
            File.Move(path + ".partial", path, overwrite: true);
            return answer.Approved ? PaymentResult.Ok(answer.Reference!) : PaymentResult.Declined(decline!.Value);
        }
    }

    private Dictionary<string, Answer> Load()
    {
        var path = Path.Combine(dataDirectory, FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<Dictionary<string, Answer>>(File.ReadAllBytes(path)) ?? [] : [];
    }

    private sealed record Answer(bool Approved, string? Reference, string? Decline, long AmountMills);
}
