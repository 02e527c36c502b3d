using System.Net;
using Centrex.Api;
using Centrex.Provisioning.Access;
using Centrex.Portal;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Centrex.Ingestion;

/// <summary>
/// The HTTP side of <c>centrex serve</c> (ASP.NET Core on Kestrel): routes, limits, and an orderly stop (requests in
/// flight are answered; the caller then stops the ledger's writer thread, which commits and checkpoints). The
/// charging endpoints are there when <c>serve</c> has a tariff, under <c>/api/v1</c> and, deprecated, their old
/// <c>/v1</c> paths; <c>/metrics</c> and the self-care portal with its REST API (<see cref="PortalHost"/>, issue 16)
/// always. Every route needs an API key with its scope or a portal login.
/// </summary>
internal sealed class ServiceHost : IAsyncDisposable
{
    /// <summary>Where Prometheus scrapes (scope <see cref="ApiScope.MetricsRead"/>).</summary>
    public const string MetricsRoute = "/metrics";

    private readonly PortalHost _portal;
    private readonly IngestionLimits _limits;
    private readonly ChargingApi? _charging;
    private readonly CollectorRegistry _metrics;
    private readonly ApiKeyStore _keys;
    private readonly ApiKeyFailureLimiter _failures = new();
    private WebApplication? _app;

    /// <param name="keys">The API keys every request is checked against.</param>
    /// <param name="limits">Connection and body limits.</param>
    /// <param name="metrics">What <c>/metrics</c> exports.</param>
    /// <param name="charging">The ledger and tariff of the charging endpoints; null to serve them not at all.</param>
    /// <param name="portal">The self-care portal and REST API.</param>
    public ServiceHost(ApiKeyStore keys, IngestionLimits limits, CollectorRegistry metrics, ChargingApi? charging, PortalHost portal)
    {
        _portal = portal;
        _keys = keys;
        _limits = limits;
        _metrics = metrics;
        _charging = charging;
    }

    /// <summary>The routes served, for the line <c>serve</c> prints once listening.</summary>
    public string Routes => _charging is null
        ? $"self-care portal, /api/v1; GET {MetricsRoute}"
        : $"self-care portal, /api/v1; POST /api{IngestionEndpoint.Route}, GET /api{BalanceEndpoint.Route}, GET {MetricsRoute}";

    /// <summary>
    /// The reverse proxies whose <c>X-Forwarded-Proto</c> and <c>X-Forwarded-For</c> are believed (<c>--trusted-proxy</c>):
    /// a proxy that ends TLS says the browser came over HTTPS, so the portal's cookies are marked Secure, and names the
    /// browser's address, so login bounds count browsers, not the proxy. From anyone else the headers are ignored: a
    /// client that could say "https" itself, or pick its own address, would defeat both.
    /// </summary>
    public IReadOnlyList<IPAddress> TrustedProxies { get; init; } = [];

    /// <summary>Starts listening; returns the bound URLs (the real port when 0 was asked for), plain HTTP first.</summary>
    /// <param name="http">The plain HTTP listener; null for none.</param>
    /// <param name="https">The HTTPS listener; null for none.</param>
    /// <param name="cancel">Stops the start.</param>
    public async Task<IReadOnlyList<Uri>> StartAsync(IPEndPoint? http, HttpsListener? https, CancellationToken cancel)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            if (http is not null)
            {
                kestrel.Listen(http);
            }

            if (https is not null)
            {
                kestrel.Listen(https.Endpoint, listen => listen.UseHttps(tls =>
                {
                    tls.ServerCertificate = https.Certificate;
                    tls.ServerCertificateChain = https.Intermediates;
                }));
            }

            kestrel.AddServerHeader = false;

            // The endpoint enforces the batch limit itself, to answer 413 with a reason.
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Limits.MaxConcurrentConnections = _limits.MaxConnections;
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(IngestionLimits.MinBodyBytesPerSecond, TimeSpan.FromSeconds(5));
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Services.AddSingleton(_keys);
        builder.Services.AddSingleton(_failures);
        builder.Services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        builder.Services.AddAuthorization(o =>
        {
            foreach (var scope in ApiScope.All)
            {
                o.AddPolicy(scope, p => p.RequireClaim(ApiKeyAuthentication.ScopeClaim, scope));
            }

            // Anything not mapped with a policy still needs a key (secure by default: nothing answers anonymously).
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        _portal.AddServices(builder, MetricsRoute);
        _app = builder.Build();
        _portal.UseFront(_app);
        if (TrustedProxies.Count > 0)
        {
            // First in the pipeline: the scheme and address it sets are what authentication, the login bounds and the
            // cookies see. Only the listed proxies: the defaults (loopback) are cleared, not added to.
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedFor, ForwardLimit = 1 };
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var proxy in TrustedProxies)
            {
                forwarded.KnownProxies.Add(proxy);
            }

            _app.UseForwardedHeaders(forwarded);
        }

        _app.UseAuthentication();
        _app.UseAuthorization();
        if (_charging is { } charging)
        {
            var ingestion = new IngestionEndpoint(new BatchParser(charging.Rater, _limits), new IngestionWriter(charging.Writer, charging.Discounts), _limits,
                new RequestBodyBudget(_limits.MaxBytesInFlight));
            var balance = new BalanceEndpoint(charging.Ledger, _portal.CurrencyOfAccount);
            // The issue-13 paths (no prefix) answer for one more release, marked deprecated by the portal (LegacyPaths).
            foreach (var prefix in new[] { "/api", string.Empty })
            {
                _app.MapPost(prefix + IngestionEndpoint.Route, AsRouteHandler(ingestion.Handle)).RequireAuthorization(ApiScope.CdrBatchesWrite)
                    .Produces(StatusCodes.Status200OK, contentType: "application/json")
                    .WithSummary("Post a batch of CDRs (the CSV of centrex rate) to be rated and charged; scope cdr-batches:write, header Idempotency-Key; Prefer: return=minimal lists only the rows not charged");
                _app.MapGet(prefix + BalanceEndpoint.Route, (HttpContext context, string account) => balance.Handle(context, account)).RequireAuthorization(ApiScope.BalancesRead)
                    .WithSummary("An account's balance (in its customer's currency's minor unit, the exact one to the mill beside it) and its counters for a month (?period=YYYY-MM); scope balances:read");
            }
        }

        // prometheus-net's own exporter writes the text format (library first, issue 14): the collectors fill it at scrape time.
        _app.MapMetrics(MetricsRoute, _metrics).RequireAuthorization(ApiScope.MetricsRead);
        _portal.Map(_app, IngestionEndpoint.Route, "/api" + IngestionEndpoint.Route);
        await _app.StartAsync(cancel);
        var addresses = _app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return [.. addresses.Select(a => new Uri(a)).OrderBy(u => u.Scheme == Uri.UriSchemeHttps)];
    }

    // A route handler (not a bare RequestDelegate) so the OpenAPI document lists the route with its summary.
    private static Delegate AsRouteHandler(Func<HttpContext, Task> handle) => (HttpContext context) => handle(context);

    public async ValueTask DisposeAsync()
    {
        // Once: serve stops the host explicitly before reporting, and again when its scope ends.
        if (Interlocked.Exchange(ref _app, null) is { } app)
        {
            await app.StopAsync();
            await app.DisposeAsync();
            _failures.Dispose();
        }
    }
}
