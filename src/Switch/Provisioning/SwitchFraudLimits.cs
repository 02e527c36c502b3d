using Centrex.Rating.Money;

namespace Centrex.Switch.Provisioning;

/// <summary>
/// An account's fraud controls on its outgoing calls (issue 14), as provisioned; null limits set none. Enforced by
/// <see cref="Fraud.FraudControl"/> when the switch authorizes calls (a rated switch).
/// </summary>
/// <param name="MaxInternationalCalls">International calls up at once (0: none).</param>
/// <param name="MaxSpendPerHour">Most its outgoing calls may cost in any 60 minutes.</param>
/// <param name="MaxSpendPerDay">Most they may cost in any 24 hours.</param>
/// <param name="BlockInternational">International destinations barred (outside +1 and the NANP-international NPAs).</param>
/// <param name="BlockPremium">Premium-rate numbers barred (NANP 900 and the 976 exchange).</param>
public sealed record SwitchFraudLimits(
    int? MaxInternationalCalls = null, Mills? MaxSpendPerHour = null, Mills? MaxSpendPerDay = null, bool BlockInternational = false, bool BlockPremium = false);
