using Centrex.Provisioning.Model;

namespace Centrex.Provisioning;

/// <summary>An account's fraud controls (issue 14).</summary>
public static partial class ProvisioningValidator
{
    private static void ValidateFraud(FraudLimits fraud, string where)
    {
        // Zero is a meaningful limit (no international call, no priced call at all); below zero is a slip.
        if (fraud.MaxSpendPerHour is { Value: < 0 })
        {
            throw new ProvisioningException(where, ProvisioningErrors.FraudHourNegative, "fraud.max_spend_per_hour is negative (leave it out for no limit)");
        }

        if (fraud.MaxSpendPerDay is { Value: < 0 })
        {
            throw new ProvisioningException(where, ProvisioningErrors.FraudDayNegative, "fraud.max_spend_per_day is negative (leave it out for no limit)");
        }

        if (fraud.MaxInternationalCalls > 0 && fraud.BlockedClasses.Contains(FraudClass.International))
        {
            throw new ProvisioningException(where, ProvisioningErrors.FraudInternationalBlocked,
                $"fraud.max_international_calls is {fraud.MaxInternationalCalls} but blocked_classes bars international calls: give one or the other", fraud.MaxInternationalCalls);
        }
    }
}
