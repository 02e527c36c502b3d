namespace Centrex.Portal.Data.CallLog;

/// <summary>
/// What the CDR browser filters on (issue 16: "filters by date range, line, direction, disposition, number"). Instants
/// are already in UTC (the page converts the customer's dates in its zone).
/// </summary>
public sealed record CallFilter(NodaTime.Instant? From, NodaTime.Instant? To, string? Account, string? Direction, string? Disposition, string? Number)
{
    /// <summary>No filter.</summary>
    public static CallFilter None { get; } = new(null, null, null, null, null, null);
}
