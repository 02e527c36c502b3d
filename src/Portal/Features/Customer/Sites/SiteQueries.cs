using Centrex.Portal.Data;
using Centrex.Portal.Security;
using Centrex.Provisioning.Model;

namespace Centrex.Portal.Features.Customer.Sites;

/// <summary>
/// The sites of the customer's lines (seed 004, Sites: "Any account that is not assigned to a specific site will share
/// the limitations of the Default site"). A site is not a customer's record in provisioning (accounts name it), so a
/// customer sees exactly the sites its own lines are in, never another's; it changes one only when the operator allows
/// it (<see cref="SiteChanges"/>).
/// </summary>
public sealed class SiteQueries(CustomerScope scope, PortalData data)
{
    /// <summary>A site with the customer's lines in it.</summary>
    public sealed record SiteRow(Site Site, IReadOnlyList<string> Lines);

    /// <summary>The customer's sites, by name, the Default site first when a line is in it.</summary>
    public IReadOnlyList<SiteRow> All()
    {
        var sites = data.Provisioning.Current.Snapshot.Sites.ToDictionary(s => s.Id, StringComparer.Ordinal);
        return [.. scope.View.Accounts.GroupBy(a => a.Site ?? Site.DefaultId, StringComparer.Ordinal)
            .Select(g => new SiteRow(
                sites.GetValueOrDefault(g.Key) ?? new Site(g.Key, g.Key == Site.DefaultId ? "Default Site" : g.Key),
                [.. g.Select(a => a.Id).Order(StringComparer.Ordinal)]))
            .OrderBy(s => s.Site.Id == Site.DefaultId ? 0 : 1).ThenBy(s => s.Site.Name, StringComparer.Ordinal)];
    }
}
