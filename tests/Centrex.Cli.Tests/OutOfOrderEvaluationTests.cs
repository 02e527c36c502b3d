using System.Text;
using Centrex.Pipeline;
using Centrex.Rating;
using Centrex.Rating.Cdrs;
using Centrex.Rating.Numbering;
using Centrex.Rating.Tariffs;
using Centrex.RatingRun;

namespace Centrex.Cli.Tests;

/// <summary>
/// Evaluate handlers see chunks out of file order; these tests force the worst orders by calling the stages by hand,
/// and check that the first occurrence of an id in the file still wins and the counts still reconcile.
/// </summary>
public sealed class OutOfOrderEvaluationTests
{
    private const string Tariff = "prefix,destination,rate,connect_fee,first_increment,next_increment\n1,North America,0.0100,0,6,6\n";

    private static readonly Rater Rater = new(TariffLoader.Parse(Encoding.UTF8.GetBytes(Tariff), "t.csv"), NumberingPlan.Default);

    [Fact]
    public void LaterChunkEvaluatedFirst_ItsRecordsThatRepeatEarlierIdsBecomeDuplicates()
    {
        // Chunk 0: a (rated), b (no-rate), c (malformed). Chunk 1: a again (rated when seen first), b again (no-rate
        // when seen first), c again (its first well-formed occurrence: stays), d.
        string[][] chunks =
        [
            ["a,acct,x,2125551234,2026-10-01T00:00:00Z,60", "b,acct,x,+33123456789,2026-10-01T00:00:00Z,60", "c,acct,x,BAD,2026-10-01T00:00:00Z,60"],
            ["a,acct,x,2125551235,2026-10-01T00:00:00Z,60", "b,acct,x,2125551236,2026-10-01T00:00:00Z,60", "c,acct,x,2125551237,2026-10-01T00:00:00Z,60", "d,acct,x,2125551238,2026-10-01T00:00:00Z,60"],
        ];

        var (rated, rejects, tally) = Run(chunks, evaluationOrder: [1, 0]);
        Assert.Equal(
            "a,acct,12125551234,1,North America,domestic,60,0.010\n"
            + "c,acct,12125551237,1,North America,domestic,60,0.010\n"
            + "d,acct,12125551238,1,North America,domestic,60,0.010\n",
            rated);
        Assert.Equal("3,b,no-rate\n4,c,malformed\n5,a,duplicate\n6,b,duplicate\n", rejects);
        Assert.Equal((7L, 3L, 4L), (tally.Read, tally.Rated, tally.Rejected));
        Assert.Equal((1L, 2L, 1L), (tally.RejectedFor(RejectReason.Malformed), tally.RejectedFor(RejectReason.Duplicate), tally.RejectedFor(RejectReason.NoRate)));
        Assert.Equal(30L, tally.TotalCharge.Value);
    }

    [Fact]
    public void AnyEvaluationOrder_GivesTheOneThreadResult()
    {
        var random = new Random(5);
        var chunks = Enumerable.Range(0, 6).Select(c => Enumerable.Range(0, 40)
            .Select(r => $"id{random.Next(60)},acct,x,{(random.Next(5) == 0 ? "+33123456789" : "2125551234")},2026-10-01T00:00:00Z,{random.Next(0, 300)}")
            .ToArray()).ToArray();
        var expected = Run(chunks, evaluationOrder: [0, 1, 2, 3, 4, 5]);
        foreach (int[] order in new[] { new[] { 5, 4, 3, 2, 1, 0 }, [1, 3, 5, 0, 2, 4], [2, 0, 4, 1, 5, 3] })
        {
            var actual = Run(chunks, order);
            Assert.Equal(expected.Rated, actual.Rated);
            Assert.Equal(expected.Rejects, actual.Rejects);
            Assert.Equal(expected.Tally.TotalCharge, actual.Tally.TotalCharge);
            Assert.Equal(actual.Tally.Read, actual.Tally.Rated + actual.Tally.Rejected);
        }
    }

    /// <summary>Fills one slot per chunk, evaluates them in the given order with one handler per chunk, writes in file order.</summary>
    private static (string Rated, string Rejects, RatingTally Tally) Run(string[][] chunks, int[] evaluationOrder)
    {
        var ring = RingBuffer<CdrChunk>.CreateSingleProducer(8, new BlockingWaitStrategy(), () => CdrChunk.Create(4096));
        var ids = new ConcurrentCdrIdIndex(1_000, chunks.Length);
        long line = 2;
        for (var c = 0; c < chunks.Length; c++)
        {
            ref var chunk = ref ring[c];
            chunk.RecordCount = 0;
            var bytes = Encoding.UTF8.GetBytes(string.Join("\n", chunks[c]) + "\n");
            bytes.CopyTo(chunk.Input, 0);
            var start = 0;
            foreach (var row in chunks[c])
            {
                chunk.AddRecord(new ChunkRecord(start, Encoding.UTF8.GetByteCount(row), line++, Damaged: false));
                start += Encoding.UTF8.GetByteCount(row) + 1;
            }
        }

        foreach (var c in evaluationOrder)
        {
            new EvaluateChunkHandler(Rater, ids, ring, c, chunks.Length).OnEvent(ref ring[c], c, endOfBatch: true);
        }

        using var rated = new MemoryStream();
        using var rejects = new MemoryStream();
        var tally = new RatingTally();
        var writer = new WriteChunkHandler(rated, rejects, tally, new RatingProgress(0));
        for (var c = 0; c < chunks.Length; c++)
        {
            writer.OnEvent(ref ring[c], c, endOfBatch: true);
        }

        return (Encoding.UTF8.GetString(rated.ToArray()), Encoding.UTF8.GetString(rejects.ToArray()), tally);
    }
}
