using System.Security.Claims;
using Centrex.Portal.Data;
using Centrex.Provisioning.Model;
using Microsoft.AspNetCore.Http;

namespace Centrex.Portal.Security;

/// <summary>
/// The one place a customer's data is found from (issue 16: "every query is scoped by the session's customer on the
/// server side"): the customer comes from the signed-in session (read from the access store, never from the request),
/// and every lookup of a line, invoice, call, ticket or setting goes through this object, which answers only what
/// belongs to that customer. Another customer's id is simply not found (404), never an error that tells it exists.
/// </summary>
public sealed class CustomerScope
{
    private readonly PortalData _data;
    private Task<CustomerBalance>? _money;

    public CustomerScope(IHttpContextAccessor context, PortalData data)
    {
        _data = data;
        var user = context.HttpContext?.User ?? throw new InvalidOperationException("no request");
        CustomerId = user.FindFirstValue(PortalClaims.Customer)
            ?? throw new InvalidOperationException("a customer page or route was reached without a customer session (its policy is missing)");
    }

    /// <summary>The session's customer id.</summary>
    public string CustomerId { get; }

    /// <summary>The customer's provisioning record, as of now.</summary>
    /// <exception cref="CustomerRemovedException">The record is gone (removed at the store since the session was checked): 404.</exception>
    public Customer Customer => _data.Provisioning.Current.Customer(CustomerId)
        ?? throw new CustomerRemovedException($"customer {CustomerId} of this login is no longer provisioned");

    /// <summary>The customer's view of provisioning (its lines, sites, DIDs...).</summary>
    public CustomerView View => _data.Provisioning.Current.ForCustomer(CustomerId);

    /// <summary>
    /// The customer's balance and credit limit, read once per request (the layout's header and the page show the same
    /// figures; reading them twice would double the ledger reads of every page).
    /// </summary>
    public Task<CustomerBalance> MoneyAsync() => _money ??= CustomerBalance.OfAsync(View, _data.Ledger);

    /// <summary>The line <paramref name="accountId"/> when it is one of this customer's; else null.</summary>
    public Account? Line(string accountId) => View.Accounts.FirstOrDefault(a => a.Id == accountId);

    /// <summary>The customer's hunt groups, by number.</summary>
    public IReadOnlyList<HuntGroup> HuntGroups =>
        [.. _data.Provisioning.Current.Snapshot.HuntGroups.Where(g => g.CustomerId == CustomerId).OrderBy(g => g.Number, StringComparer.Ordinal)];

    /// <summary>The hunt group <paramref name="id"/> when it is one of this customer's; else null.</summary>
    public HuntGroup? HuntGroup(string id) => HuntGroups.FirstOrDefault(g => g.Id == id);

    /// <summary>The customer's time zone.</summary>
    public NodaTime.DateTimeZone Zone => NodaTime.DateTimeZoneProviders.Tzdb[Customer.TimeZone];
}
