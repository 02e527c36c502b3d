namespace Centrex.Rating.Discounts;

/// <summary>
/// A volume discount plan (self-care manual, Volume Discounts): a destination group, thresholds in minutes or money per
/// period with a discount above each, a precedence (higher applies first) and whether it combines with other plans.
/// </summary>
public sealed class DiscountPlan
{
    /// <summary>Creates a plan; tiers are sorted by threshold and must have distinct thresholds.</summary>
    public DiscountPlan(string id, string name, DestinationGroup group, DiscountBasis basis, IEnumerable<DiscountTier> tiers, int precedence, bool combinable)
    {
        Id = id;
        Name = name;
        Group = group;
        Basis = basis;
        Tiers = [.. tiers.OrderBy(t => t.Threshold)];
        Precedence = precedence;
        Combinable = combinable;
        if (Tiers.Count == 0)
        {
            throw new ArgumentException($"discount plan '{id}' has no thresholds", nameof(tiers));
        }

        for (var i = 0; i < Tiers.Count; i++)
        {
            var tier = Tiers[i];
            if (tier.Threshold < 0 || tier.BasisPoints is < 0 or > DiscountTier.Whole)
            {
                throw new ArgumentException($"discount plan '{id}': threshold {tier.Threshold} with {tier.BasisPoints} basis points is out of range", nameof(tiers));
            }

            if (i > 0 && Tiers[i - 1].Threshold == tier.Threshold)
            {
                throw new ArgumentException($"discount plan '{id}' lists threshold {tier.Threshold} twice", nameof(tiers));
            }
        }
    }

    /// <summary>Unique id.</summary>
    public string Id { get; }

    /// <summary>Name shown to the customer.</summary>
    public string Name { get; }

    /// <summary>The destinations covered.</summary>
    public DestinationGroup Group { get; }

    /// <summary>What the thresholds count.</summary>
    public DiscountBasis Basis { get; }

    /// <summary>Tiers by ascending threshold. Usage below the first threshold gets no discount.</summary>
    public IReadOnlyList<DiscountTier> Tiers { get; }

    /// <summary>Priority: plans with a higher precedence apply first.</summary>
    public int Precedence { get; }

    /// <summary>Whether this plan combines with other plans on the same call (see <see cref="VolumeDiscounter"/>).</summary>
    public bool Combinable { get; }

    /// <summary>The discount rate in force at <paramref name="used"/> units of usage (0 below the first threshold).</summary>
    public int BasisPointsAt(long used)
    {
        var rate = 0;
        foreach (var tier in Tiers)
        {
            if (used >= tier.Threshold)
            {
                rate = tier.BasisPoints;
            }
        }

        return rate;
    }

    /// <summary>
    /// The sum over the usage interval [<paramref name="from"/>, <paramref name="to"/>) of units × basis points, tier by
    /// tier: the exact weight of a call that may cross one or more thresholds.
    /// </summary>
    public Int128 WeightedUnits(long from, long to)
    {
        Int128 total = 0;
        for (var i = 0; i < Tiers.Count; i++)
        {
            var start = Math.Max(from, Tiers[i].Threshold);
            var end = i + 1 < Tiers.Count ? Math.Min(to, Tiers[i + 1].Threshold) : to;
            if (end > start)
            {
                total += (Int128)(end - start) * Tiers[i].BasisPoints;
            }
        }

        return total;
    }
}
