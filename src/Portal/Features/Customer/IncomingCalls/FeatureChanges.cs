using System.Security.Claims;
using Centrex.Portal.Data;
using Centrex.Portal.Security;
using Centrex.Provisioning.Model;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Features.Customer.IncomingCalls;

/// <summary>
/// The customer's feature prefixes and options (seed 004, IP Centrex › Incoming Calls and Call Parking; provisioning's
/// <see cref="CustomerFeatures"/>): always the session's customer (<see cref="CustomerScope"/>), saved through
/// provisioning's validation like <c>provision import</c>, so a prefix the dial plan could not tell from another is
/// refused with import's message; the running switch takes the saved prefixes from the store it watches.
/// </summary>
public sealed class FeatureChanges(CustomerScope scope, ProvisioningChanges changes, IHttpContextAccessor http)
{
    /// <summary>The form's and the API's field names, as provisioning names them in its messages.</summary>
    public static readonly IReadOnlyList<string> Fields = ["pickup_prefix", "park_prefix", "release_prefix", "paging_prefix", "ext_distinctive_ring"];

    private string Source => $"portal ({http.HttpContext?.User.FindFirstValue(PortalClaims.Login)})";

    /// <summary>What the customer has now.</summary>
    public CustomerFeatures Current => scope.Customer.DialPlan.Features;

    /// <summary>Replaces the customer's prefixes and options.</summary>
    public ProvisioningChanges.Result Set(CustomerFeatures features)
    {
        var result = changes.Customer(Source, scope.CustomerId, now => now with { DialPlan = now.DialPlan with { Features = features } });
        return result.Done ? result : result with { Field = FieldNamed(result.Message) };
    }

    /// <summary>
    /// The field a refusal is about: provisioning writes the prefix's name first (<c>pickup_prefix: '*7a' is not ...</c>,
    /// <c>release_prefix: '701' begins with park_prefix '70'</c>: the one being refused comes first), so the earliest
    /// field named; null when none is (the message goes above the form).
    /// </summary>
    public static string? FieldNamed(string? message) =>
        message is null ? null : Data.ProvisioningChanges.FieldOf(message) is { } named && Fields.Contains(named) ? named : Fields.Select(f => (Field: f, At: message.IndexOf(f + ":", StringComparison.Ordinal)))
            .Where(x => x.At >= 0).OrderBy(x => x.At).Select(x => x.Field).FirstOrDefault();
}
