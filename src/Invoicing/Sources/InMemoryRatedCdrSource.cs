using Centrex.Rating.Cdrs;
using NodaTime;

namespace Centrex.Invoicing.Sources;

/// <summary>Rated calls held in a list.</summary>
public sealed class InMemoryRatedCdrSource(IEnumerable<RatedCdr> calls) : IRatedCdrSource
{
    private readonly List<RatedCdr> _calls = [.. calls];

    /// <inheritdoc />
    public void Read(Instant fromInclusive, Instant toExclusive, IReadOnlySet<string>? accounts, Action<RatedCdr> visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        foreach (var call in _calls)
        {
            if (call.Start >= fromInclusive && call.Start < toExclusive && (accounts is null || accounts.Contains(call.Account)))
            {
                visit(call);
            }
        }
    }
}
