using Centrex.Portal.Data;
using Centrex.Portal.Security;
using Centrex.Provisioning.Model;
using Centrex.Rating.Money;
using NodaTime;

namespace Centrex.Portal.Features.Customer.Lines;

/// <summary>
/// The customer's phone lines as the Phone Lines page lists them (seed 004: ID, idle days, available funds, type,
/// product, site, forwarding enabled, SIP registered).
/// </summary>
public sealed class LineQueries(CustomerScope scope, PortalData data)
{
    /// <summary>One line.</summary>
    public sealed record LineRow(Account Account, int? IdleDays, Mills AvailableFunds, string? Product, string Site, bool? Registered);

    /// <summary>Every line of the customer, by id.</summary>
    public async Task<IReadOnlyList<LineRow>> AllAsync()
    {
        var view = scope.View;
        var lines = view.Accounts.OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        var balances = await data.Ledger.BalancesAsync([.. lines.Select(a => a.Id)]);
        var now = data.Clock.GetCurrentInstant();
        var today = now.InZone(scope.Zone).Date;
        var last = data.Calls.LastCalls(scope.CustomerId);
        var registered = data.Switch?.Registered();
        var products = data.Provisioning.Current.Snapshot.Products.ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
        var sites = data.Provisioning.Current.Snapshot.Sites.ToDictionary(s => s.Id, s => s.Name, StringComparer.Ordinal);
        return [.. lines.Select((a, i) =>
        {
            var balance = balances[i];
            var product = view.Subscriptions.Where(s => s.AccountId == a.Id && s.Start <= today && (s.End is null || s.End >= today))
                .Select(s => products.GetValueOrDefault(s.ProductId)).FirstOrDefault();
            // A call dated after today (a switch clock ahead, a CDR imported early) is no idleness: 0, never negative.
            int? idle = last.TryGetValue(a.Id, out var at) ? Math.Max(0, Period.Between(at.InZone(scope.Zone).Date, today, PeriodUnits.Days).Days) : null;
            var site = a.Site is null or Site.DefaultId ? "Default Site" : sites.GetValueOrDefault(a.Site, a.Site);
            return new LineRow(a, idle, a.Type == AccountType.Credit ? balance + a.CreditLimit : balance, product, site,
                a.Sip is null ? null : registered?.Contains(a.Id));
        })];
    }
}
