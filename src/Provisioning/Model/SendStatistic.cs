namespace Centrex.Provisioning.Model;

/// <summary>
/// What xDR statistics the customer wants with each invoice (self-care manual, General: "Send Statistic"). Persisted
/// by name (<c>full</c>, <c>summary</c>, <c>none</c>).
/// </summary>
public enum SendStatistic
{
    /// <summary>The complete list of xDRs (the PDF invoice carries per-call detail pages).</summary>
    Full,

    /// <summary>Only the summary by class and destination.</summary>
    Summary,

    /// <summary>No statistics.</summary>
    None,
}
