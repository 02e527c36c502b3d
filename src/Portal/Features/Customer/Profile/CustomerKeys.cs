using Centrex.Portal.Data;
using Centrex.Portal.Security;
using Centrex.Provisioning.Access;
using NodaTime;

namespace Centrex.Portal.Features.Customer.Profile;

/// <summary>
/// The customer's own API keys (My Profile, <c>/api/v1/me/api-keys</c>): keys bound to the session's customer with
/// <c>me:read</c> and/or <c>me:write</c>, stored hashed as every key is (<see cref="ApiKeyStore"/>), listed and revoked
/// only among its own. The operator makes the same keys on the customer's page or with <c>centrex apikey create --customer ID</c>
/// (<see cref="Operator.Customers.CustomerKeyDesk"/>, through <see cref="Make"/>); at most
/// <see cref="ApiKeyStore.MaxActivePerCustomer"/> work at once, whoever made them.
/// </summary>
public sealed class CustomerKeys(CustomerScope scope, ApiKeyStore keys, PortalData data)
{
    /// <summary>Longest label.</summary>
    public const int MaxName = ApiKeyStore.MaxName;

    /// <summary>The error key of a refusal for too many keys (shown beside the Create key button; the API's field).</summary>
    public const string LimitField = "keys";

    /// <summary>The customer's keys, revoked ones included, oldest first.</summary>
    public IReadOnlyList<ApiKey> List() => keys.List(scope.CustomerId);

    /// <summary>Creates a key; its whole text (shown once), or the errors by field (<c>name</c>, <c>scopes</c>, <see cref="LimitField"/>).</summary>
    public (ApiKey? Key, string? Text) Create(string? name, IReadOnlyCollection<string>? scopes, Dictionary<string, string> errors) =>
        Make(keys, scope.CustomerId, data.Clock.GetCurrentInstant(), name, scopes, errors,
            limit => $"you already have {limit} working API keys, the most a customer may hold: revoke one you no longer use to make another");

    /// <summary>Revokes one of the customer's keys; false when it has none with <paramref name="id"/> that works.</summary>
    public bool Revoke(string id) => keys.Revoke(id, data.Clock.GetCurrentInstant(), scope.CustomerId);

    /// <summary>
    /// Checks and makes a key of <paramref name="customerId"/> (the caller knows the customer exists): a label of 1 to
    /// <see cref="MaxName"/> characters, scopes among <see cref="ApiScope.CustomerScopes"/>, and room under the limit;
    /// the errors by field otherwise (<paramref name="tooMany"/> words the limit's for who asks).
    /// </summary>
    internal static (ApiKey? Key, string? Text) Make(ApiKeyStore keys, string customerId, Instant now, string? name, IReadOnlyCollection<string>? scopes,
        Dictionary<string, string> errors, Func<int, string> tooMany)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(tooMany);
        var label = name?.Trim() ?? string.Empty;
        if (label.Length is 0 or > MaxName)
        {
            errors["name"] = $"a label for the key (who or what uses it), at most {MaxName} characters";
            Localization.Refusals.Note(Localization.Refusals.Current, "key-label", errors["name"], MaxName);
        }

        if (scopes is null || scopes.Count == 0 || scopes.Any(s => !ApiScope.CustomerScopes.Contains(s)))
        {
            errors["scopes"] = $"choose {string.Join(" and/or ", ApiScope.CustomerScopes)}";
            Localization.Refusals.Note(Localization.Refusals.Current, "key-scopes", errors["scopes"], [.. ApiScope.CustomerScopes]);
        }

        if (errors.Count > 0)
        {
            return (null, null);
        }

        try
        {
            return keys.Create(label, scopes!, now, customerId);
        }
        catch (ApiKeyLimitException e)
        {
            errors[LimitField] = tooMany(e.Limit);
            return (null, null);
        }
    }
}
