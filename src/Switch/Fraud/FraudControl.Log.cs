using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Switch.Fraud;

/// <summary>The refusal log: one line per account and hour, not one per call (an attack makes thousands).</summary>
public sealed partial class FraudControl
{
    private static readonly Duration LogPeriod = Duration.FromHours(1);

    private void Log(Instant now, string accountId, string number, string reason)
    {
        var state = _accounts.GetOrAdd(accountId, static _ => new AccountFraudState());
        int unlogged;
        lock (state.Gate)
        {
            if (state.LoggedAt is { } last && now - last < LogPeriod)
            {
                state.Unlogged++;
                return;
            }

            unlogged = state.Unlogged;
            state.LoggedAt = now;
            state.Unlogged = 0;
        }

        // Written outside the lock: the account's calls need not wait for the log's I/O.
        var until = InstantPattern.General.Format(now + LogPeriod);
        var earlier = unlogged == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" ({unlogged} more refused since the last line)");
        _log.WriteLine($"centrex: fraud control: account {accountId}: call to {number} refused (403 {reason}){earlier}; its next refusals are counted, not logged, until {until}");
    }
}
