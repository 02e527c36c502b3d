using Centrex.Rating.Cdrs;
using NodaTime;

namespace Centrex.Invoicing.Sources;

/// <summary>Rated calls held in a list.</summary>
public sealed class InMemoryRatedCdrSource(IEnumerable<RatedCdr> calls) : IRatedCdrSource
{
    private readonly List<RatedCdr> _calls = [.. calls];

    /// <inheritdoc />
    public IEnumerable<RatedCdr> Read(Instant fromInclusive, Instant toExclusive) =>
        _calls.Where(c => c.Start >= fromInclusive && c.Start < toExclusive);
}
