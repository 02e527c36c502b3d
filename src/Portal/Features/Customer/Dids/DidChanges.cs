using System.Security.Claims;
using Centrex.Portal.Data;
using Centrex.Portal.Security;
using Centrex.Provisioning.Model;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Features.Customer.Dids;

/// <summary>
/// The customer's DIDs (seed 004, DIDs: "You can assign this number to the desired account (phone line)"): each DID
/// of one of its lines, with its monthly charge, and moving a DID to another of its lines. Both the DID and the line
/// are looked up in the session's customer first, so another customer's number or line is "not found".
/// </summary>
public sealed class DidChanges(CustomerScope scope, ProvisioningChanges changes, PortalData data, IHttpContextAccessor http)
{
    /// <summary>A DID as the page lists it.</summary>
    /// <param name="Number">E.164 digits.</param>
    /// <param name="Line">The line its calls reach.</param>
    /// <param name="MonthlyFee">The monthly fee of the number's subscription (seed 004: "Monthly charges"), or null.</param>
    public sealed record DidRow(string Number, string Line, Rating.Money.Mills? MonthlyFee);

    private string Source => $"portal ({http.HttpContext?.User.FindFirstValue(PortalClaims.Login)})";

    /// <summary>Every DID of the customer's lines, by number.</summary>
    public IReadOnlyList<DidRow> All()
    {
        var view = scope.View;
        var products = data.Provisioning.Current.Snapshot.Products.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var today = data.Clock.GetCurrentInstant().InZone(scope.Zone).Date;
        return [.. view.Accounts.SelectMany(a => a.Dids.Select(d => (Did: d, Line: a.Id))).OrderBy(d => d.Did, StringComparer.Ordinal).Select(d =>
        {
            var fee = view.Subscriptions.Where(s => s.Did?.TrimStart('+') == d.Did && s.Start <= today && (s.End is null || s.End >= today))
                .Select(s => products.GetValueOrDefault(s.ProductId)?.MonthlyFee).FirstOrDefault();
            return new DidRow(d.Did, d.Line, fee);
        })];
    }

    /// <summary>Moves <paramref name="did"/> to <paramref name="lineId"/>; null when either is not the customer's.</summary>
    public ProvisioningChanges.Result? Assign(string did, string lineId)
    {
        var number = did.TrimStart('+');
        var holder = scope.View.Accounts.FirstOrDefault(a => a.Dids.Contains(number));
        var to = scope.Line(lineId);
        if (holder is null || to is null)
        {
            return null;
        }

        if (holder.Id == to.Id)
        {
            return ProvisioningChanges.Result.Ok;
        }

        // Both lines in one import: the number is never on two lines, nor on none, in the store the switch reads. Both
        // are taken as stored when the change runs (their other fields keep what was changed meanwhile); a number that
        // moved meanwhile, or a line no longer the customer's, is not found.
        var result = changes.Apply(Source, current =>
        {
            if (current.Account(holder.Id) is not { } giver || !giver.Dids.Contains(number) || giver.CustomerId != scope.CustomerId
                || current.Account(to.Id) is not { } into || into.CustomerId != scope.CustomerId)
            {
                return null;
            }

            var moved = new[] { giver with { Dids = [.. giver.Dids.Where(d => d != number)] }, into with { Dids = [.. into.Dids, number] } };
            return ProvisioningSnapshot.Empty with { Accounts = [.. moved.OrderBy(a => a.Id, StringComparer.Ordinal)] };
        });
        return result == ProvisioningChanges.Result.Refused ? null : result;
    }
}
