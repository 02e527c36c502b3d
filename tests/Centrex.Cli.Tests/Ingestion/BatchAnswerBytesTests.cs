using System.Text;
using Centrex.Ingestion;
using Centrex.Ledger.Journal;
using Centrex.Rating;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;
using Centrex.Rating.Tariffs;

namespace Centrex.Cli.Tests.Ingestion;

/// <summary>
/// The batch answer is written by hand as UTF-8 since issue 16's ninth session (the request side's CPU); a switch reads
/// it as before, so it must be the very bytes <see cref="System.Text.Json.Utf8JsonWriter"/> wrote
/// (<see cref="Utf8JsonBatchAnswer"/>), for every outcome and for ids and keys that need escaping.
/// </summary>
public sealed class BatchAnswerBytesTests : IDisposable
{
    private readonly IngestionSample _sample = new(2_000);

    // Ids a switch may send that JSON must escape or that the relaxed encoder passes through: quote, backslash, the
    // HTML-sensitive characters, non-ASCII letters and a character outside the BMP (quoted CSV fields where needed).
    private static readonly string[] OddIds =
    [
        "\"say \"\"hi\"\"\"", @"back\slash", "<tag>&'+`", "caf\u00e9-\u00fc", "emoji-\U0001F4DE", "\"comma,inside\"",
    ];

    public void Dispose() => _sample.Dispose();

    [Theory]
    [InlineData("plain-key", false)]
    [InlineData("key\"with\\odd<chars>", true)]
    public void The_hand_written_answer_is_byte_for_byte_the_Utf8JsonWriter_one(string key, bool replayed)
    {
        var rows = _sample.Rows.Concat(OddIds.Select((id, i) => id + "," + string.Join(',', _sample.Rows[i].Split(',')[1..])));
        var body = Encoding.UTF8.GetBytes(_sample.Body(rows));
        var rater = new Rater(TariffLoader.Load(_sample.Tariff), NumberingPlan.Default);
        var batch = new BatchParser(rater, new IngestionLimits()).Parse(key, body, body.Length);
        try
        {
            // Every outcome: rated (zero, small and large charges), duplicate, and no-rate (the parser's unpriced rows and
            // every seventh: the generated tariff prices nearly every call).
            var outcomes = new BatchRow[batch.Count];
            for (var i = 0; i < outcomes.Length; i++)
            {
                var row = batch.Rows[i];
                outcomes[i] = !row.Priced || i % 7 == 3 ? new BatchRow(BatchOutcome.NoRate, Mills.Zero)
                    : (i % 7) switch
                    {
                        0 => new BatchRow(BatchOutcome.Duplicate, Mills.Zero),
                        1 => new BatchRow(BatchOutcome.Rated, Mills.Zero),
                        2 => new BatchRow(BatchOutcome.Rated, new Mills(123_456_789_012)),
                        _ => new BatchRow(BatchOutcome.Rated, new Mills(RatedCdrCodec.NetMills(batch.Journal.Slice(row.JournalStart, row.JournalLength)))),
                    };
            }

            var result = new BatchResult(key, replayed, KeyConflict: false, outcomes);
            using var expected = new PooledBuffer(1024);
            Utf8JsonBatchAnswer.Write(expected, batch, result);
            using var actual = new PooledBuffer(1024);
            BatchResponse.WriteResult(actual, batch, result);

            Assert.Equal(Encoding.UTF8.GetString(expected.Written), Encoding.UTF8.GetString(actual.Written));
            Assert.True(expected.Written.SequenceEqual(actual.Written));
        }
        finally
        {
            batch.Release();
        }
    }
}
