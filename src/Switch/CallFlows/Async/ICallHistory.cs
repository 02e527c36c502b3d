using NodaTime;

namespace Centrex.Switch.CallFlows.Async;

/// <summary>Who a number last spoke with (seed 003 "Routing by call history"), from the switch's CDR store.</summary>
public interface ICallHistory
{
    /// <summary>
    /// The account of the most recent answered call between <paramref name="number"/> and an account that
    /// <paramref name="candidate"/> accepts, started in [<paramref name="since"/>, <paramref name="until"/>); null when none.
    /// </summary>
    Task<string?> LastPartnerAsync(string number, Instant since, Instant until, Func<string, bool> candidate, CancellationToken cancellation);
}
