using Centrex.Portal.Data;
using Centrex.Portal.Security;
using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Portal.Features.Customer.Subscriptions;

/// <summary>
/// The subscriptions of the customer's lines as seed 004's Subscriptions tab lists them ("Subscription, Periodic Fee,
/// Start Date, Finish Date"; "Pending (not yet active) subscriptions are always on the bottom of the list"): the ones in
/// force today, then the pending ones; ended ones are history on the invoices.
/// </summary>
public sealed class SubscriptionQueries(CustomerScope scope, PortalData data)
{
    /// <summary>A subscription with its plan.</summary>
    public sealed record Row(string Id, string Line, string Plan, Mills MonthlyFee, LocalDate Start, LocalDate? End, string? Did, bool Pending);

    /// <summary>Active ones by start, then pending ones by start.</summary>
    public IReadOnlyList<Row> Current()
    {
        var today = data.Clock.GetCurrentInstant().InZone(scope.Zone).Date;
        var products = data.Provisioning.Current.Snapshot.Products.ToDictionary(p => p.Id, StringComparer.Ordinal);
        return [.. scope.View.Subscriptions.Where(s => s.End is null || s.End >= today)
            .Select(s => new Row(s.Id, s.AccountId, products.GetValueOrDefault(s.ProductId)?.Name ?? s.ProductId,
                products.GetValueOrDefault(s.ProductId)?.MonthlyFee ?? Mills.Zero, s.Start, s.End, s.Did, s.Start > today))
            .OrderBy(r => r.Pending).ThenBy(r => r.Start).ThenBy(r => r.Id, StringComparer.Ordinal)];
    }
}
