using Centrex.Invoicing.Sources;
using Centrex.Rating.Cdrs;
using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Portal.Data.CallLog;

/// <summary>
/// One customer's charged calls from the call-log index, as billing's <see cref="IRatedCdrSource"/> (the Transactions page
/// lists a month of calls from it in one index range instead of scanning the whole journal). Only what the transactions
/// list shows is filled: the net charge as the charge, no class or prefix.
/// </summary>
public sealed class CallLogRatedSource(CallLogStore calls, string customerId) : IRatedCdrSource
{
    /// <inheritdoc />
    public void Read(Instant fromInclusive, Instant toExclusive, IReadOnlySet<string>? accounts, Action<RatedCdr> visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        calls.Each(customerId, new CallFilter(fromInclusive, toExclusive, null, null, null, null), c =>
        {
            if (c.Charge is { } charge && (accounts is null || accounts.Contains(c.Account)))
            {
                visit(new RatedCdr(c.Id, c.Account, c.Caller, c.Callee, c.Start, (int)c.Seconds, c.BilledSeconds, default, string.Empty, c.Destination ?? string.Empty, charge, Mills.Zero));
            }
        });
    }
}
