using Centrex.Portal.Data;
using Centrex.Portal.Features.Operator.Api;
using Centrex.Provisioning.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Centrex.Portal.Features.Operator.Switch;

/// <summary><c>/api/v1/operator/switch</c> (<c>switch:read</c>): the switch's state as the page shows it: calls in progress, per site, and registrations.</summary>
internal static class SwitchApi
{
    public static void Map(RouteGroupBuilder operatorGroup) =>
        operatorGroup.MapGet("/switch", (PortalData data) =>
        {
            if (data.Switch is not { } state)
            {
                return Results.Ok(new { running = false });
            }

            var snapshot = data.Provisioning.Current.Snapshot;
            var registered = state.Registered();
            return Results.Ok(new
            {
                running = true,
                active_calls = state.ActiveCalls,
                sip_lines = snapshot.Accounts.Count(a => a.Sip is not null),
                registered = registered.Order(StringComparer.Ordinal),
                sites = new[] { ("default", "Default site", snapshot.Sites.FirstOrDefault(s => s.Id == "default")?.MaxCalls) }
                    .Concat(snapshot.Sites.Where(s => s.Id != "default").Select(s => (s.Id, s.Name, s.MaxCalls)))
                    .Select(s => new { id = s.Item1, name = s.Item2, limit = s.Item3, calls = state.CallsOn(s.Item1) }),
            });
        }).Scoped(ApiScope.SwitchRead).WithName("SwitchState").WithSummary("Calls in progress (in all and per site) and the registered lines");
}
