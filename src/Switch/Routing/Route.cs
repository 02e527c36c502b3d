namespace Centrex.Switch.Routing;

/// <summary>The dial plan's result: the kind, and the account, E.164 number, trunk or feature code it names.</summary>
internal sealed record Route(RouteKind Kind, string? AccountId = null, string? Number = null, string? TrunkId = null, string? FeatureCode = null)
{
    public static Route NotFound { get; } = new(RouteKind.NotFound);

    /// <summary>The paging/intercom prefix was dialed before the extension: the phone is told to answer at once.</summary>
    public bool Paging { get; init; }
}
