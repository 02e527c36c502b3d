using System.Text;
using Centrex.Rating.Cdrs;

namespace Centrex.Rating.Tests.Cdrs;

public class ConcurrentCdrIdIndexTests
{
    private static bool Claim(ConcurrentCdrIdIndex index, string id, long recordIndex, out long displaced, int writer = 0)
    {
        var bytes = Encoding.UTF8.GetBytes(id);
        return index.TryClaim(writer, bytes, CdrIdSet.Hash(bytes), recordIndex, out displaced);
    }

    [Fact]
    public void TryClaim_InFileOrder_SecondOccurrenceIsDuplicate()
    {
        var index = new ConcurrentCdrIdIndex(100, 1);
        Assert.True(Claim(index, "a", 1, out var displaced));
        Assert.Equal(-1, displaced);
        Assert.False(Claim(index, "a", 2, out _));
        Assert.True(Claim(index, "b", 3, out _));
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public void TryClaim_EarlierRecordSeenLater_TakesTheIdOverAndDisplacesTheLaterOne()
    {
        var index = new ConcurrentCdrIdIndex(100, 2);
        Assert.True(Claim(index, "x", 50, out _, writer: 1));
        Assert.True(Claim(index, "x", 10, out var displaced, writer: 0));
        Assert.Equal(50, displaced);
        Assert.False(Claim(index, "x", 30, out _, writer: 1)); // 10 holds it now
        Assert.True(Claim(index, "x", 5, out displaced, writer: 1));
        Assert.Equal(10, displaced);
    }

    [Fact]
    public void TryClaim_ManyThreadsRacingOnSharedIds_ExactlyTheSmallestIndexOfEachIdSurvives()
    {
        // Four writers claim 40,000 ids, each id several times at shuffled record indexes. Whatever the interleaving,
        // every record ends in exactly one state: kept (the smallest index of its id), duplicate at once, or displaced.
        const int Writers = 4;
        const int Ids = 40_000;
        var random = new Random(11);
        var claims = Enumerable.Range(0, Ids * 3)
            .Select(n => (Id: $"id-{random.Next(Ids)}", Index: (long)n))
            .OrderBy(_ => random.Next())
            .ToArray();
        var index = new ConcurrentCdrIdIndex(Ids, Writers);
        var kept = new bool[claims.Length];
        var duplicate = new bool[claims.Length];
        var displacedCount = new int[claims.Length];
        Parallel.For(0, Writers, new ParallelOptions { MaxDegreeOfParallelism = Writers }, writer =>
        {
            for (var i = writer; i < claims.Length; i += Writers)
            {
                var (id, recordIndex) = claims[i];
                if (Claim(index, id, recordIndex, out var displaced, writer))
                {
                    kept[recordIndex] = true;
                    if (displaced >= 0)
                    {
                        Interlocked.Increment(ref displacedCount[displaced]);
                    }
                }
                else
                {
                    duplicate[recordIndex] = true;
                }
            }
        });

        var smallest = claims.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.Min(c => c.Index));
        foreach (var (id, recordIndex) in claims)
        {
            var survives = kept[recordIndex] && displacedCount[recordIndex] == 0;
            Assert.Equal(smallest[id] == recordIndex, survives);
            Assert.True(displacedCount[recordIndex] <= 1, "a record is displaced at most once");
            Assert.True(kept[recordIndex] != duplicate[recordIndex], "each claim is answered once");
            Assert.True(!duplicate[recordIndex] || displacedCount[recordIndex] == 0);
        }

        Assert.Equal(smallest.Count, index.Count);
    }

    [Fact]
    public void TryClaim_MoreIdsThanSized_FailsLoudlyInsteadOfHanging()
    {
        var index = new ConcurrentCdrIdIndex(10, 1);
        Assert.Throws<InvalidOperationException>(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                Claim(index, $"id{i}", i, out _);
            }
        });
    }

    [Fact]
    public void TryClaim_LongIdsAcrossArenaChunks_AreComparedWhole()
    {
        var index = new ConcurrentCdrIdIndex(1_000, 1);
        for (var i = 0; i < 100; i++)
        {
            Assert.True(Claim(index, new string((char)('a' + (i % 26)), 30_000) + i, i, out _));
        }

        Assert.False(Claim(index, new string('c', 30_000) + "2", 500, out _));
    }

    [Fact]
    public void MaxIdsInFile_IsTheShortestWellFormedRowBound()
    {
        var shortest = "i,,,2345,2026-01-01T00:00:00Z,0\n"; // 2345: the shortest number that normalizes (4 digits, international)
        Assert.Equal(32, shortest.Length);
        Assert.Equal(1, ConcurrentCdrIdIndex.MaxIdsInFile(shortest.Length));
        Assert.Equal(0, ConcurrentCdrIdIndex.MaxIdsInFile(shortest.Length - 1));
    }
}
