using System.Security.Claims;
using Centrex.Portal.Data;
using Centrex.Portal.Features.Shared;
using Centrex.Portal.Security;
using Centrex.Provisioning.Model;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Features.Customer.Sites;

/// <summary>
/// A customer's change of one of its sites' name and limits (issue 16: "Sites (the limits, read-only for customers if
/// the operator says so)"), allowed only when the operator marked the site <c>customer_editable</c> and every line in it
/// is the customer's (a site shared with another customer's lines would change that customer's limits too). The change
/// goes through provisioning's validation like any import, and the switch takes it within a second (Live provisioning).
/// </summary>
public sealed class SiteChanges(CustomerScope scope, SiteQueries sites, ProvisioningChanges changes, PortalData data, IHttpContextAccessor http)
{
    /// <summary>The form's fields after the site's id, as provisioning's JSON names them.</summary>
    public static readonly string[] Fields = ["name", "max_calls", "max_incoming", "max_outgoing", "max_forwarded", "max_bandwidth_kbps", "max_incoming_kbps", "max_outgoing_kbps"];

    /// <summary>What an edit came to.</summary>
    /// <param name="Status">200 done, 400 refused (<paramref name="Errors"/> by field), 403 not the customer's to edit, 404 not one of its sites.</param>
    /// <param name="Errors">The refusals by field ("" when no field is named).</param>
    public sealed record Outcome(int Status, IReadOnlyDictionary<string, string> Errors);

    /// <summary>Why the customer may not edit <paramref name="site"/>, or null when it may.</summary>
    public string? WhyReadOnly(Site site)
    {
        ArgumentNullException.ThrowIfNull(site);
        if (!site.CustomerEditable)
        {
            return "your service provider sets this site's limits";
        }

        var others = data.Provisioning.Current.Snapshot.Accounts
            .Any(a => (a.Site ?? Site.DefaultId) == site.Id && a.CustomerId != scope.CustomerId);
        return others ? "this site has lines of another customer too, so only your service provider changes it" : null;
    }

    /// <summary>Sets the site's name and limits from <paramref name="values"/> (field → text; an empty limit: no limit).</summary>
    public Outcome Edit(string id, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (sites.All().FirstOrDefault(s => s.Site.Id == id) is not { } row)
        {
            return new Outcome(StatusCodes.Status404NotFound, new Dictionary<string, string>());
        }

        if (WhyReadOnly(row.Site) is { } why)
        {
            return new Outcome(StatusCodes.Status403Forbidden, new Dictionary<string, string> { [string.Empty] = why });
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var limits = Fields[1..].Select(f =>
        {
            var n = FormValues.Number(values.GetValueOrDefault(f)?.Trim(), f, "a whole number, 0 or more (empty: no limit)", errors);
            if (n > int.MaxValue)
            {
                errors[f] = "too large";
            }

            return n is { } v and <= int.MaxValue ? (int?)v : null;
        }).ToArray();
        if (errors.Count > 0)
        {
            return new Outcome(StatusCodes.Status400BadRequest, errors);
        }

        // The operator's flag is kept as it is: the customer changes the name and limits only.
        // Set on the site as stored when the change runs: the operator's flag changed meanwhile is kept, and a site made
        // read-only meanwhile is refused.
        var name = values.GetValueOrDefault("name");
        string? readOnly = null;
        var gone = false;
        var source = $"portal ({http.HttpContext?.User.FindFirstValue(PortalClaims.Login)})";
        var result = changes.Apply(source, current =>
        {
            // A site removed meanwhile is not found: the record this request read earlier is never written back (it would
            // bring back what the operator removed).
            if (current.Snapshot.Sites.FirstOrDefault(s => s.Id == id) is not { } now)
            {
                gone = true;
                return null;
            }

            if ((readOnly = WhyReadOnly(now)) is not null)
            {
                return null;
            }

            return Provisioning.Model.ProvisioningSnapshot.Empty with
            {
                Sites = [now with
                {
                    Name = name ?? now.Name, MaxCalls = limits[0], MaxIncoming = limits[1], MaxOutgoing = limits[2], MaxForwarded = limits[3],
                    MaxBandwidthKbps = limits[4], MaxIncomingKbps = limits[5], MaxOutgoingKbps = limits[6],
                }],
            };
        });
        if (gone)
        {
            return new Outcome(StatusCodes.Status404NotFound, new Dictionary<string, string>());
        }

        if (readOnly is not null)
        {
            return new Outcome(StatusCodes.Status403Forbidden, new Dictionary<string, string> { [string.Empty] = readOnly });
        }

        if (!result.Done)
        {
            errors[RefusalField.Of(result, Fields)] = result.Message!;
            return new Outcome(StatusCodes.Status400BadRequest, errors);
        }

        return new Outcome(StatusCodes.Status200OK, errors);
    }
}
