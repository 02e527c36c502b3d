using Centrex.Ledger.State;

namespace Centrex.Ledger.Tests;

/// <summary>
/// The registry's large tables come from <see cref="HugePageArrays"/>: allocated uninitialized (so that the huge-page
/// advice comes before the first touch), they must still start zeroed, or an id table would hold ids never charged.
/// </summary>
public sealed class HugePageArraysTests
{
    [Fact]
    public void ALargeArray_StartsZeroed_EvenWhereAnEarlierOneLeftItsBytes()
    {
        for (var round = 0; round < 3; round++)
        {
            var words = HugePageArrays.Allocate<ulong>(4 << 20); // 32 MiB: advised
            Assert.Equal(4 << 20, words.Length);
            Assert.True(words.AsSpan().IndexOfAnyExcept(0UL) < 0, $"round {round}: a word was not zero");
            words.AsSpan().Fill(ulong.MaxValue);
            words = null;
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }

    [Fact]
    public void ASmallArray_IsAnOrdinaryOne()
    {
        var small = HugePageArrays.Allocate<ulong>(1024);
        Assert.Equal(1024, small.Length);
        Assert.True(small.AsSpan().IndexOfAnyExcept(0UL) < 0);
    }
}
