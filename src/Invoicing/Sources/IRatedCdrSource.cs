using Centrex.Rating.Cdrs;
using NodaTime;

namespace Centrex.Invoicing.Sources;

/// <summary>
/// Where billing and reports read rated calls from. It pushes calls to a visitor instead of returning a list so a
/// report of a million calls streams in bounded memory. <see cref="LedgerJournalSource"/> reads the durable journal
/// that <c>centrex rate --data</c> appends to (the source the commands use); <see cref="InMemoryRatedCdrSource"/>
/// serves tests and <see cref="XdrCsvSource"/> reads xDR CSV files.
/// </summary>
public interface IRatedCdrSource
{
    /// <summary>Visits every rated call that started in [<paramref name="fromInclusive"/>, <paramref name="toExclusive"/>).</summary>
    /// <param name="fromInclusive">First instant included.</param>
    /// <param name="toExclusive">First instant excluded.</param>
    /// <param name="accounts">Only these accounts' calls, or every account's when null.</param>
    /// <param name="visit">Gets each call, in the source's order (the journal's is the order calls were rated).</param>
    void Read(Instant fromInclusive, Instant toExclusive, IReadOnlySet<string>? accounts, Action<RatedCdr> visit);
}
