using Centrex.Rating.Discounts;

namespace Centrex.Provisioning.Model;

/// <summary>A volume discount plan as provisioned; <see cref="Plan"/> is the rating engine's form of it.</summary>
/// <param name="Plan">The plan.</param>
public sealed record DiscountPlanRecord(DiscountPlan Plan)
{
    /// <summary>The plan's id.</summary>
    public string Id => Plan.Id;
}
