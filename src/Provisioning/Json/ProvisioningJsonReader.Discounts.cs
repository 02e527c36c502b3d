using Centrex.Rating.Discounts;
using Centrex.Rating.Numbering;

namespace Centrex.Provisioning.Json;

/// <summary>
/// A volume discount plan's group and thresholds refused with a code (issue 16: the operator's discount-plan form shows
/// them in the login's language). The rating engine's constructors keep their own checks for every other caller; these
/// are the same rules in the same order, so a plan is refused here, with the same words, before they would throw.
/// </summary>
public static partial class ProvisioningJsonReader
{
    private static DestinationGroup DiscountGroup(JsonRecord r, string name, IReadOnlyList<string> prefixes, IReadOnlyList<NumberClass> classes)
    {
        if (prefixes.Count == 0 && classes.Count == 0)
        {
            throw r.Error(ProvisioningErrors.DestinationGroupEmpty, $"destination group '{name}' lists neither prefixes nor classes", name);
        }

        foreach (var prefix in prefixes.Where(p => p.Length is 0 or > 15 || !p.All(char.IsAsciiDigit)))
        {
            throw r.Error(ProvisioningErrors.DestinationGroupPrefix, $"destination group '{name}': '{prefix}' is not an E.164 prefix (1 to 15 digits)", name, prefix);
        }

        return new DestinationGroup(name, prefixes, classes);
    }

    private static void CheckTiers(JsonRecord r, string id, IReadOnlyList<DiscountTier> tiers)
    {
        if (tiers.Count == 0)
        {
            throw r.Error(ProvisioningErrors.DiscountNoThresholds, $"discount plan '{id}' has no thresholds", id);
        }

        var sorted = tiers.OrderBy(t => t.Threshold).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            var tier = sorted[i];
            if (tier.Threshold < 0 || tier.BasisPoints is < 0 or > DiscountTier.Whole)
            {
                throw r.Error(ProvisioningErrors.DiscountThresholdRange, $"discount plan '{id}': threshold {tier.Threshold} with {tier.BasisPoints} basis points is out of range", id, tier.Threshold, tier.BasisPoints);
            }

            if (i > 0 && sorted[i - 1].Threshold == tier.Threshold)
            {
                throw r.Error(ProvisioningErrors.DiscountThresholdTwice, $"discount plan '{id}' lists threshold {tier.Threshold} twice", id, tier.Threshold);
            }
        }
    }
}
