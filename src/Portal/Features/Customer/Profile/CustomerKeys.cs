using Centrex.Portal.Data;
using Centrex.Portal.Security;
using Centrex.Provisioning.Access;

namespace Centrex.Portal.Features.Customer.Profile;

/// <summary>
/// The customer's own API keys (My Profile, <c>/api/v1/me/api-keys</c>): keys bound to the session's customer with
/// <c>me:read</c> and/or <c>me:write</c>, stored hashed as every key is (<see cref="ApiKeyStore"/>), listed and revoked
/// only among its own. The operator makes the same keys with <c>centrex apikey create --customer ID</c>.
/// </summary>
public sealed class CustomerKeys(CustomerScope scope, ApiKeyStore keys, PortalData data)
{
    /// <summary>Longest label.</summary>
    public const int MaxName = 60;

    /// <summary>The customer's keys, revoked ones included, oldest first.</summary>
    public IReadOnlyList<ApiKey> List() => keys.List(scope.CustomerId);

    /// <summary>Creates a key; its whole text (shown once), or the errors by field (<c>name</c>, <c>scopes</c>).</summary>
    public (ApiKey? Key, string? Text) Create(string? name, IReadOnlyCollection<string>? scopes, Dictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var label = name?.Trim() ?? string.Empty;
        if (label.Length is 0 or > MaxName)
        {
            errors["name"] = $"a label for the key (who or what uses it), at most {MaxName} characters";
        }

        if (scopes is null || scopes.Count == 0 || scopes.Any(s => !ApiScope.CustomerScopes.Contains(s)))
        {
            errors["scopes"] = $"choose {string.Join(" and/or ", ApiScope.CustomerScopes)}";
        }

        if (errors.Count > 0)
        {
            return (null, null);
        }

        var (key, text) = keys.Create(label, scopes!, data.Clock.GetCurrentInstant(), scope.CustomerId);
        return (key, text);
    }

    /// <summary>Revokes one of the customer's keys; false when it has none with <paramref name="id"/> that works.</summary>
    public bool Revoke(string id) => keys.Revoke(id, data.Clock.GetCurrentInstant(), scope.CustomerId);
}
