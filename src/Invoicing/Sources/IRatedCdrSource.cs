using Centrex.Rating.Cdrs;
using NodaTime;

namespace Centrex.Invoicing.Sources;

/// <summary>
/// Where billing and reports read rated calls from: every account's calls that started in
/// [from, to), in any order. The durable journal (issue 5)
/// implements it; <see cref="InMemoryRatedCdrSource"/> serves tests and <see cref="XdrCsvSource"/> reads xDR CSV files.
/// </summary>
public interface IRatedCdrSource
{
    /// <summary>The rated calls that started in the range.</summary>
    /// <param name="fromInclusive">First instant included.</param>
    /// <param name="toExclusive">First instant excluded.</param>
    IEnumerable<RatedCdr> Read(Instant fromInclusive, Instant toExclusive);
}
