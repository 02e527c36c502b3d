using System.Text;
using Centrex.Rating.Cdrs;

namespace Centrex.Rating.Tests.Cdrs;

public class CdrIdSetTests
{
    [Fact]
    public void Add_SameIdTwice_SecondIsRefused()
    {
        var set = new CdrIdSet();
        Assert.True(set.Add("abc"u8));
        Assert.False(set.Add("abc"u8));
        Assert.True(set.Add("abd"u8));
        Assert.True(set.Add(""u8));
        Assert.False(set.Add(""u8));
        Assert.Equal(3, set.Count);
    }

    [Fact]
    public void Add_ManyIds_GrowsAndStaysExact()
    {
        var set = new CdrIdSet(expected: 4);
        const int N = 300_000;
        for (var i = 0; i < N; i++)
        {
            Assert.True(set.Add(Encoding.ASCII.GetBytes($"CDR-{i:D9}")));
        }

        for (var i = 0; i < N; i += 7)
        {
            Assert.False(set.Add(Encoding.ASCII.GetBytes($"CDR-{i:D9}")));
            Assert.True(set.Contains(Encoding.ASCII.GetBytes($"CDR-{i:D9}")));
        }

        Assert.False(set.Contains("CDR-999999999x"u8));
        Assert.Equal(N, set.Count);
    }

    [Fact]
    public void Add_IdsSpanningArenaChunks_AreKeptWhole()
    {
        var set = new CdrIdSet();
        var big = new byte[40_000];
        for (var i = 0; i < 60; i++)
        {
            big[0] = (byte)i;
            Assert.True(set.Add(big));
        }

        big[0] = 17;
        Assert.False(set.Add(big));
    }

    [Fact]
    public void Add_MatchesAHashSetOnRandomIds() =>
        Prop.ForAll<string[]>(ids =>
        {
            var set = new CdrIdSet(expected: 2);
            var reference = new HashSet<string>(StringComparer.Ordinal);
            return (ids ?? []).All(id =>
            {
                var bytes = Encoding.UTF8.GetBytes(id ?? string.Empty);
                return set.Add(bytes) == reference.Add(Convert.ToHexString(bytes));
            });
        }).QuickCheckThrowOnFailure();
}
