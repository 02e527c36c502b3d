namespace Centrex.Provisioning.Access;

/// <summary>
/// What an API key may do (issue 13, item 5). A key carries one or more scopes; an endpoint names the one it needs, and
/// a key without it is refused <c>403</c>. The wire names are a contract: scripts pass them to <c>centrex apikey create</c>.
/// </summary>
public static class ApiScope
{
    /// <summary>Post CDR batches (<c>POST /v1/cdr-batches</c>): charges accounts.</summary>
    public const string CdrBatchesWrite = "cdr-batches:write";

    /// <summary>Read balances and counters (<c>GET /v1/accounts/{account}/balance</c>).</summary>
    public const string BalancesRead = "balances:read";

    /// <summary>
    /// Scrape the service's Prometheus metrics (<c>GET /metrics</c>, issue 14): read-only and holding no customer data,
    /// but not public either (call volumes, refusals and queue depths tell an attacker how the switch is doing), so a
    /// scraper gets a key of its own with this scope alone.
    /// </summary>
    public const string MetricsRead = "metrics:read";

    /// <summary>Read customers and accounts (<c>GET /api/v1/operator/customers</c>, <c>.../accounts/{id}</c>): an operator's script (issue 16).</summary>
    public const string CustomersRead = "customers:read";

    /// <summary>Create, edit, suspend and resume customers and accounts (<c>POST</c>/<c>PUT /api/v1/operator/customers</c>, <c>.../accounts</c>).</summary>
    public const string CustomersWrite = "customers:write";

    /// <summary>Read the scheduled tariffs (<c>GET /api/v1/operator/tariffs</c>).</summary>
    public const string TariffsRead = "tariffs:read";

    /// <summary>Upload, preview and activate tariffs (<c>POST /api/v1/operator/tariffs</c>, <c>.../activation</c>).</summary>
    public const string TariffsWrite = "tariffs:write";

    /// <summary>Read billed months and payments (<c>GET /api/v1/operator/billing/periods</c>, <c>.../payments</c>).</summary>
    public const string BillingRead = "billing:read";

    /// <summary>Bill a month, void and reissue an invoice (<c>POST /api/v1/operator/billing/runs</c>, <c>.../invoices/{number}/reissue</c>).</summary>
    public const string BillingWrite = "billing:write";

    /// <summary>Record payments and refunds (<c>POST /api/v1/operator/payments</c>).</summary>
    public const string PaymentsWrite = "payments:write";

    /// <summary>The ledger's health and <c>journal verify</c> on demand (<c>/api/v1/operator/ledger</c>).</summary>
    public const string LedgerRead = "ledger:read";

    /// <summary>The switch's state: registrations, calls per site (<c>GET /api/v1/operator/switch</c>).</summary>
    public const string SwitchRead = "switch:read";

    /// <summary>Export the whole provisioning as JSON (<c>GET /api/v1/operator/provisioning</c>, as <c>provision export</c>).</summary>
    public const string ProvisioningRead = "provisioning:read";

    /// <summary>Import provisioning JSON (<c>POST /api/v1/operator/provisioning</c>, as <c>provision import</c>): products, sites, discount plans, anything.</summary>
    public const string ProvisioningWrite = "provisioning:write";

    /// <summary>List the portal's logins (<c>GET /api/v1/operator/logins</c>): never a password or its hash.</summary>
    public const string LoginsRead = "logins:read";

    /// <summary>Create logins, reset their passwords, unlock, disable and enable them (<c>POST /api/v1/operator/logins...</c>).</summary>
    public const string LoginsWrite = "logins:write";

    /// <summary>Read every customer's trouble tickets (<c>GET /api/v1/operator/tickets</c>).</summary>
    public const string TicketsRead = "tickets:read";

    /// <summary>Answer and resolve trouble tickets (<c>POST /api/v1/operator/tickets/{id}/replies</c>, <c>.../close</c>).</summary>
    public const string TicketsWrite = "tickets:write";

    /// <summary>
    /// Read the key's customer's own data (every <c>GET /api/v1/me/...</c>): a customer key only (<c>apikey create
    /// --customer ID</c>, or the customer's My Profile page), never with the operator's scopes.
    /// </summary>
    public const string MeRead = "me:read";

    /// <summary>Change the key's customer's own data (<c>POST</c>/<c>PUT</c>/<c>DELETE /api/v1/me/...</c>): a customer key only.</summary>
    public const string MeWrite = "me:write";

    /// <summary>The scopes of a key bound to a customer; the only ones it may carry.</summary>
    public static IReadOnlyList<string> CustomerScopes { get; } = [MeRead, MeWrite];

    /// <summary>The claim type a key's scopes are carried in once it is authenticated.</summary>
    public const string ClaimType = "scope";

    /// <summary>Every scope, in the order <c>apikey list</c> shows them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [CdrBatchesWrite, BalancesRead, MetricsRead, CustomersRead, CustomersWrite, TariffsRead, TariffsWrite, BillingRead, BillingWrite, PaymentsWrite, LedgerRead, SwitchRead,
        ProvisioningRead, ProvisioningWrite, LoginsRead, LoginsWrite, TicketsRead, TicketsWrite, MeRead, MeWrite];

    /// <summary>Whether <paramref name="name"/> is a scope this version knows.</summary>
    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);
}
