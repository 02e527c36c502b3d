using System.Text;
using Centrex.Rating.Tariffs;

namespace Centrex.Rating.Tests.Tariffs;

public class PrefixMatchTests
{
    [Fact]
    public void LongestMatch_PicksTheLongestPresentPrefix()
    {
        var trie = PrefixTrie.Build(["1", "1876", "18765", "44", "447"]);
        Assert.Equal(2, trie.LongestMatch("18765551234"u8, 1));
        Assert.Equal(1, trie.LongestMatch("18764551234"u8, 1));
        Assert.Equal(0, trie.LongestMatch("12125551234"u8, 1));
        Assert.Equal(4, trie.LongestMatch("447700900123"u8, 1));
        Assert.Equal(3, trie.LongestMatch("442071234567"u8, 1));
        Assert.Equal(-1, trie.LongestMatch("33123456789"u8, 1));
        Assert.Equal(-1, trie.LongestMatch(""u8, 1));
    }

    [Fact]
    public void LongestMatch_MinimumLength_IgnoresShorterPrefixes()
    {
        var trie = PrefixTrie.Build(["1", "187"]);
        Assert.Equal(-1, trie.LongestMatch("18765551234"u8, 4));
        Assert.Equal(1, trie.LongestMatch("18765551234"u8, 3));
    }

    [Fact]
    public void LongestMatch_AgreesWithBruteForceOnRandomTariffs() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.OneOf(Gen.Choose(0, 999), Gen.Choose(0, 99_999)).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), 40).ToArbitrary(),
            Gen.Choose(0, int.MaxValue).ToArbitrary(),
            (prefixes, seed) =>
            {
                var distinct = prefixes.Distinct().ToArray();
                var trie = PrefixTrie.Build(distinct);
                var number = (seed % 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
                int Expected(int minLength) => distinct.Select((p, i) => (p, i))
                    .Where(x => x.p.Length >= minLength && number.StartsWith(x.p, StringComparison.Ordinal))
                    .OrderByDescending(x => x.p.Length).Select(x => x.i).DefaultIfEmpty(-1).First();
                var digits = Encoding.ASCII.GetBytes(number);
                return new[] { 1, 2, 3, 4, 5 }.All(min => trie.LongestMatch(digits, min) == Expected(min))
                    && trie.LongestMatch(digits.AsSpan(0, 2), 1) == distinct.Select((p, i) => (p, i))
                        .Where(x => number[..2].StartsWith(x.p, StringComparison.Ordinal))
                        .OrderByDescending(x => x.p.Length).Select(x => x.i).DefaultIfEmpty(-1).First();
            }).QuickCheckThrowOnFailure();
}
