using Centrex.Switch.CallFlows.Async;
using NodaTime;

namespace Centrex.Switch.Cdrs;

/// <summary>
/// Call history from the switch's CDR store (<c>DATA/cdrs</c>, written by <see cref="RealTimeCdrSink"/>): the account
/// of the latest answered call that the number placed to it (its CDR's caller) or that it placed to the number (its
/// normalized callee). Reads the day files in the window on a thread-pool thread, never on a partition's.
/// </summary>
/// <param name="dataDirectory">The data directory <c>serve</c> keeps its CDRs in.</param>
public sealed class CdrCallHistory(string dataDirectory) : ICallHistory
{
    /// <inheritdoc/>
    public Task<string?> LastPartnerAsync(string number, Instant since, Instant until, Func<string, bool> candidate, CancellationToken cancellation) =>
        Task.Run(() => Find(number.TrimStart('+'), since, until, candidate, cancellation), cancellation);

    private string? Find(string number, Instant since, Instant until, Func<string, bool> candidate, CancellationToken cancellation)
    {
        string? best = null;
        var bestAt = Instant.MinValue;
        var checkedAccounts = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var cdr in CdrStore.Read(dataDirectory, since, until))
        {
            cancellation.ThrowIfCancellationRequested();
            if (cdr.Disposition != CallDisposition.Answered || cdr.Start < since || cdr.Start >= until || cdr.Start < bestAt
                || (cdr.Caller.TrimStart('+') != number && cdr.CalleeNormalized != number))
            {
                continue;
            }

            if (!checkedAccounts.TryGetValue(cdr.Account, out var ok))
            {
                checkedAccounts[cdr.Account] = ok = candidate(cdr.Account);
            }

            if (ok)
            {
                best = cdr.Account;
                bestAt = cdr.Start;
            }
        }

        return best;
    }
}
