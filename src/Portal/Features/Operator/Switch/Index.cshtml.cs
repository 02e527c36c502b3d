using Centrex.Portal.Data;
using Centrex.Portal.Features.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Centrex.Portal.Features.Operator.Switch;

/// <summary>The switch's state (issue 16): registrations and calls in progress per site.</summary>
public sealed class IndexModel(PortalData data) : PageModel
{
    public ISwitchState? State => data.Switch;

    public IReadOnlySet<string> Registered { get; private set; } = new HashSet<string>();

    public int SipLines { get; private set; }

    public IReadOnlyList<(string Id, string Name, int? Limit)> Sites { get; private set; } = [];

    /// <summary>The per-site table's sortable columns (calls in progress read from the running switch).</summary>
    public TableSort<(string Id, string Name, int? Limit)> Sorting => field ??= new("site", defaultDescending: false,
        [("site", s => s.Name), ("calls", s => State?.CallsOn(s.Id)), ("limit", s => s.Limit)]);

    /// <summary>The page of sites shown, in the URL's order.</summary>
    public Paged<(string Id, string Name, int? Limit)> Result => field ??= Sorting.Page(Request.Query, Sites);

    public void OnGet()
    {
        var snapshot = data.Provisioning.Current.Snapshot;
        Registered = State?.Registered() ?? new HashSet<string>();
        SipLines = snapshot.Accounts.Count(a => a.Sip is not null);
        Sites = [("default", Localization.Translation.Of(HttpContext, "Default site"), snapshot.Sites.FirstOrDefault(s => s.Id == "default")?.MaxCalls),
            .. snapshot.Sites.Where(s => s.Id != "default").Select(s => (s.Id, s.Name, s.MaxCalls))];
    }
}
