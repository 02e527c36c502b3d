using Centrex.Portal.Data;
using Centrex.Portal.Features.Customer.Profile;
using Centrex.Provisioning.Access;

namespace Centrex.Portal.Features.Operator.Customers;

/// <summary>
/// The operator's side of a customer's API keys (issue 16: the operator hands a customer's script a key without giving it a
/// login): list, create and revoke the keys bound to one customer, as <c>centrex apikey create --customer ID</c> does
/// and with the checks of the customer's own My Profile (<see cref="CustomerKeys.Make"/>): scopes <c>me:read</c> and/or
/// <c>me:write</c> only, stored hashed, the text shown once, at most <see cref="ApiKeyStore.MaxActivePerCustomer"/>
/// working keys per customer whoever made them. The customer's page and <c>/api/v1/operator/customers/{id}/api-keys</c>
/// both go through here.
/// </summary>
public sealed class CustomerKeyDesk(ApiKeyStore keys, PortalData data)
{
    /// <summary>Whether <paramref name="customerId"/> is a provisioned customer (an unknown one is 404, never an empty list).</summary>
    public bool Exists(string customerId) => data.Provisioning.Current.Customer(customerId) is not null;

    /// <summary>The customer's keys, revoked ones included, oldest first.</summary>
    public IReadOnlyList<ApiKey> List(string customerId) => keys.List(customerId);

    /// <summary>Makes a key for <paramref name="customerId"/> (which exists); its whole text, or the errors by field (<c>name</c>, <c>scopes</c>, <c>keys</c>).</summary>
    public (ApiKey? Key, string? Text) Create(string customerId, string? name, IReadOnlyCollection<string>? scopes, Dictionary<string, string> errors) =>
        CustomerKeys.Make(keys, customerId, data.Clock.GetCurrentInstant(), name, scopes, errors,
            limit => $"customer {customerId} already holds {limit} working API keys, the most a customer may hold: revoke one it no longer uses first");

    /// <summary>Revokes <paramref name="id"/> when it is a working key of <paramref name="customerId"/>; false otherwise (another customer's key is not touched).</summary>
    public bool Revoke(string customerId, string id) => keys.Revoke(id, data.Clock.GetCurrentInstant(), customerId);
}
