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

    /// <summary>Every scope, in the order <c>apikey list</c> shows them.</summary>
    public static IReadOnlyList<string> All { get; } = [CdrBatchesWrite, BalancesRead, MetricsRead];

    /// <summary>Whether <paramref name="name"/> is a scope this version knows.</summary>
    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);
}
