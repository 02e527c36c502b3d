using Centrex.Rating;
using Centrex.Rating.Numbering;
using Centrex.Rating.Tariffs;
using Centrex.RatingRun;
using Centrex.Samples;
using NodaTime;

namespace Centrex.Cli.Tests;

[Collection(SerialCollection.Name)]
public sealed class RatingJobAllocationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Run_AllocatesForBuffersNotPerRow()
    {
        // Two files, one ten times the other: apart from the duplicate-id index (sized by the file, reported by the
        // run), what a run allocates (ring buffers, tally) must not grow with the rows.
        long AllocatedFor(int rows, string name)
        {
            var folder = Path.Combine(_folder.Path, name);
            var files = GenerateCommand.Generate(folder, 300, new CdrSampleSpec(rows, 3, new YearMonth(2026, 10)), seed: 3);
            var rater = new Rater(TariffLoader.Load(files.Tariff), NumberingPlan.Default);
            var options = new RatingRunOptions(files.Cdrs, Path.Combine(folder, "rated.csv"), Path.Combine(folder, "rejects.csv")) { ChunkBytes = 1 << 16, RingSize = 4 };
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var result = new CdrFileRatingJob(rater, options).Run();
            return GC.GetTotalAllocatedBytes(precise: true) - before - result.IdIndexBytes;
        }

        AllocatedFor(2_000, "warm-up");
        var small = AllocatedFor(20_000, "small");
        var large = AllocatedFor(200_000, "large");
        var perExtraRow = (large - small) / 180_000.0;
        Assert.True(perExtraRow < 4, $"{perExtraRow:F1} bytes allocated per extra row (small run {small:N0} B, large run {large:N0} B, id index excluded)");
    }
}
