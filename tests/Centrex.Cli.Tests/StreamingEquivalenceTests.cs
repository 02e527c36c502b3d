using System.Buffers;
using Centrex.Rating;
using Centrex.Rating.Cdrs;
using Centrex.Rating.Csv;
using Centrex.Rating.Numbering;
using Centrex.Rating.Tariffs;
using Centrex.RatingRun;
using Centrex.Samples;
using NodaTime;

namespace Centrex.Cli.Tests;

/// <summary>
/// The pipelined, chunked run must produce exactly what rating the whole file in one piece on one thread produces,
/// whatever the chunk size: records cut by chunk ends, quoted line breaks and over-long lines included.
/// </summary>
public sealed class StreamingEquivalenceTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(4_096, 1_024, 4, 1)]
    [InlineData(4_096, 1_024, 4, 2)]
    [InlineData(700, 300, 2, 2)]
    [InlineData(700, 300, 8, 3)]
    [InlineData(1 << 16, 1_024, 8, 2)]
    public void ChunkedPipeline_MatchesOneShotReference(int chunkBytes, int maxRecordBytes, int ringSize, int evaluators)
    {
        var files = GenerateCommand.Generate(_folder.Path, 300, new CdrSampleSpec(5_000, 3, new YearMonth(2026, 10), BadRowsPerTenThousand: 400), seed: 7);
        AppendAwkwardRows(files.Cdrs, maxRecordBytes);
        var rater = new Rater(TariffLoader.Load(files.Tariff), NumberingPlan.Default);

        var options = new RatingRunOptions(files.Cdrs, _folder.File("rated.csv"), _folder.File("rejects.csv"))
        {
            ChunkBytes = chunkBytes,
            MaxRecordBytes = maxRecordBytes,
            RingSize = ringSize,
            Evaluators = evaluators,
        };
        var result = new CdrFileRatingJob(rater, options).Run();

        var (expectedRated, expectedRejects, expectedTally) = Reference(rater, files.Cdrs, maxRecordBytes);
        Assert.Equal(expectedRated, File.ReadAllText(options.RatedPath));
        Assert.Equal(expectedRejects, File.ReadAllText(options.RejectsPath));
        Assert.Equal(expectedTally.Read, result.Tally.Read);
        Assert.Equal(result.Tally.Read, result.Tally.Rated + result.Tally.Rejected);
        Assert.Equal(expectedTally.TotalCharge, result.Tally.TotalCharge);
        Assert.Equal(CountRecords(options.RatedPath) - 1, result.Tally.Rated);
        Assert.Equal(CountRecords(options.RejectsPath) - 1, result.Tally.Rejected);
        Assert.False(File.Exists(options.RatedPath + ".partial"));
    }

    [Fact]
    public void ChunkedPipeline_RandomFilesAndShapes_MatchOneShotReference() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            // A random mix of every kind of row (duplicates at any distance, quoted line breaks, bad rows) through a
            // random pipeline shape must give exactly the one-thread reference's outputs.
            var random = new Random(seed);
            var path = _folder.File($"random-{seed}.csv");
            File.WriteAllText(path, RandomCdrFile(random, rows: random.Next(0, 600)));
            var tariff = _folder.Write("random-tariff.csv", "prefix,destination,rate,connect_fee,first_increment,next_increment\n1,NA,0.01,0,6,6\n44,UK,0.02,0.01,30,6\n");
            var rater = new Rater(TariffLoader.Load(tariff), NumberingPlan.Default);
            var maxRecordBytes = random.Next(120, 400);
            var options = new RatingRunOptions(path, path + ".rated", path + ".rejects")
            {
                ChunkBytes = random.Next(maxRecordBytes + 8, 6_000),
                MaxRecordBytes = maxRecordBytes,
                RingSize = 1 << random.Next(1, 5),
                Evaluators = random.Next(1, 4),
            };
            var result = new CdrFileRatingJob(rater, options).Run();
            var (rated, rejects, tally) = Reference(rater, path, maxRecordBytes);
            return File.ReadAllText(options.RatedPath) == rated && File.ReadAllText(options.RejectsPath) == rejects
                && result.Tally.Read == tally.Read && result.Tally.Read == result.Tally.Rated + result.Tally.Rejected
                && result.Tally.TotalCharge == tally.TotalCharge && result.Tally.RejectedFor(RejectReason.Duplicate) == tally.RejectedFor(RejectReason.Duplicate);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(30));

    private static string RandomCdrFile(Random random, int rows)
    {
        var lines = new List<string> { "id,account,caller,callee,start,duration" };
        for (var i = 0; i < rows; i++)
        {
            var id = random.Next(4) == 0 && i > 0 ? $"id{random.Next(i)}" : $"id{i}";
            var callee = random.Next(10) switch
            {
                0 => "+33123456789",
                1 => "555-1234",
                2 => "011447700900123",
                _ => $"{random.Next(200, 999)}5551234",
            };
            lines.Add(random.Next(12) switch
            {
                0 => $"{id},acct,\"caller\nwith break\",{callee},2026-10-01T00:00:00Z,{random.Next(0, 400)}",
                1 => $"{id},acct,x,{callee},2026-10-01T00:00:00Z",
                2 => $"{id},\"unterminated,x,{callee},2026-10-01T00:00:00Z,60",
                3 => $"{id},{new string('z', random.Next(100, 500))},x,{callee},2026-10-01T00:00:00Z,60",
                4 => $"{id},acct,x,{callee},2026-13-01T00:00:00Z,60",
                5 => $"{id} ,acct,x,{callee},2026-10-01T00:00:00Z,60", // issue 13: malformed, not another id
                _ => $"{id},acct,x,{callee},2026-10-01T00:00:00+01:00,{random.Next(0, 4_000)}",
            });
        }

        return string.Join(random.Next(2) == 0 ? "\n" : "\r\n", lines) + (random.Next(2) == 0 ? "\n" : string.Empty);
    }

    /// <summary>CSV records, not lines: a quoted field may hold a line break.</summary>
    private static long CountRecords(string path)
    {
        var bytes = File.ReadAllBytes(path);
        long count = 0;
        for (var position = 0; CsvRecordScanner.Scan(bytes.AsSpan(position), true, 1 << 20, out var record) == CsvScanStatus.Record; position += record.TotalLength)
        {
            Assert.False(record.Damaged);
            count++;
        }

        return count;
    }

    private static void AppendAwkwardRows(string path, int maxRecordBytes)
    {
        File.AppendAllText(path,
            "q1,\"acc\nwith break\",x,2125551234,2026-10-02T00:00:00Z,60\n"
            + "long," + new string('z', maxRecordBytes * 3) + ",x,2125551234,2026-10-02T00:00:00Z,60\n"
            + "q2,\"unterminated,x,2125551234,2026-10-02T00:00:00Z,60\n"
            + "q3,a,x,2125551234,2026-10-02T00:00:00Z,60");
    }

    /// <summary>The obvious implementation: the whole file in memory, one record after another.</summary>
    private static (string Rated, string Rejects, RatingTally Tally) Reference(Rater rater, string path, int maxRecordBytes)
    {
        var bytes = File.ReadAllBytes(path);
        var rated = new ArrayBufferWriter<byte>();
        var rejects = new ArrayBufferWriter<byte>();
        rated.Write(CdrCsv.RatedHeaderLine);
        rejects.Write(CdrCsv.RejectsHeaderLine);
        var recordRater = new CdrRecordRater(rater, new CdrIdSet());
        var position = 0;
        long line = 1;
        var first = true;
        while (true)
        {
            var status = CsvRecordScanner.Scan(bytes.AsSpan(position), isFinalBlock: true, maxRecordBytes, out var record);
            if (status != CsvScanStatus.Record)
            {
                break;
            }

            if (!first)
            {
                recordRater.Process(bytes.AsSpan(position, Math.Min(record.ContentLength, maxRecordBytes)), line, record.Damaged, rated, rejects);
            }

            first = false;
            line += record.LineCount;
            position += record.TotalLength;
        }

        return (System.Text.Encoding.UTF8.GetString(rated.WrittenSpan), System.Text.Encoding.UTF8.GetString(rejects.WrittenSpan), recordRater.Tally);
    }
}
