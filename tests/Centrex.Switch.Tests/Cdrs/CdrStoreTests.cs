using Centrex.Switch.Cdrs;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Cdrs;

public sealed class CdrStoreTests : IDisposable
{
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void AppendFlushRead_AcrossDays_ReturnsTheRangeInOrder()
    {
        var day1 = Instant.FromUtc(2026, 10, 1, 23, 59, 59);
        var day2 = Instant.FromUtc(2026, 10, 2, 0, 0, 0);
        using (var store = new CdrStore(_data.Path))
        {
            store.Append(Cdr.Answered("a", "acme", "2125551234", 10, day1));
            store.Append(Cdr.Answered("b", "acme", "2125551234", 10, day2));
            store.Append(Cdr.Failed("c", "acme", CallDisposition.Cancelled, day1)); // late: back to day 1's file
            store.Flush();
        }

        Assert.True(File.Exists(Path.Combine(CdrStore.FolderOf(_data.Path), "2026-10-01.csv")));
        Assert.Equal(["a", "c", "b"], CdrStore.Read(_data.Path, day1, day2 + Duration.FromSeconds(1)).Select(c => c.Id));
        Assert.Equal(["a", "c"], CdrStore.Read(_data.Path, day1, day2).Select(c => c.Id));
        Assert.Equal(["b"], CdrStore.Read(_data.Path, day2, day2 + Duration.FromDays(5)).Select(c => c.Id));
        Assert.Empty(CdrStore.Read(_data.Path, day2, day2));
    }

    [Fact]
    public void Reopen_AppendsAfterWhatIsThereWithOneHeader()
    {
        using (var store = new CdrStore(_data.Path))
        {
            store.Append(Cdr.Answered("a", "acme", "2125551234", 10));
        }

        using (var store = new CdrStore(_data.Path))
        {
            store.Append(Cdr.Answered("b", "acme", "2125551234", 10));
        }

        var file = Path.Combine(CdrStore.FolderOf(_data.Path), "2026-10-01.csv");
        Assert.Equal(3, File.ReadAllLines(file).Length);
        Assert.Equal(["a", "b"], CdrStore.Read(_data.Path, Cdr.Noon, Cdr.Noon + Duration.FromDays(1)).Select(c => c.Id));
    }

    [Fact]
    public void TornLastLine_IsSealedSkippedAndReported()
    {
        using (var store = new CdrStore(_data.Path))
        {
            store.Append(Cdr.Answered("a", "acme", "2125551234", 10));
        }

        var file = Path.Combine(CdrStore.FolderOf(_data.Path), "2026-10-01.csv");
        File.AppendAllText(file, "b,acme,41655"); // a crash in the middle of a write
        using (var store = new CdrStore(_data.Path))
        {
            store.Append(Cdr.Answered("c", "acme", "2125551234", 10));
        }

        var damaged = new List<long>();
        Assert.Equal(["a", "c"], CdrStore.Read(_data.Path, Cdr.Noon, Cdr.Noon + Duration.FromDays(1), (_, line, _) => damaged.Add(line)).Select(c => c.Id));
        Assert.Equal([3L], damaged);
    }
}
