using System.Text.Json;
using Centrex.Portal.Data;
using Centrex.Portal.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Centrex.Portal;

/// <summary>
/// Puts the self-care portal and the REST API on <c>serve</c>'s HTTP listener (issue 16): the session scheme beside
/// the host's API-key scheme (the request picks one: a bearer key, or the session cookie), the policies applied to
/// folders of pages and groups of routes, anti-forgery on every form, the pages, the API and the embedded assets.
/// </summary>
/// <param name="data">The stores and ledger the portal reads and writes.</param>
/// <param name="apiKeyScheme">The host's API-key authentication scheme (chosen when a request carries a bearer key).</param>
public sealed class PortalHost(PortalData data, string apiKeyScheme)
{
    /// <summary>The scheme that picks the API key or the session for each request.</summary>
    public const string SelectorScheme = "Centrex";

    /// <summary>Largest request body outside CDR ingestion: the largest upload a route takes (<see cref="BodyLimits"/> says which route takes what).</summary>
    public const long MaxBodyBytes = BodyLimits.TariffBytes;

    /// <summary>The anti-forgery cookie's name.</summary>
    public const string CsrfCookie = "centrex_csrf";

    /// <summary>The header an API client sends the anti-forgery token in with a session cookie.</summary>
    public const string CsrfHeader = "X-CSRF-Token";

    /// <summary>Password checks each source address gets.</summary>
    public LoginLimits LoginLimits { get; init; } = LoginLimits.Default;

    /// <summary>
    /// The currency of account <paramref name="accountId"/>'s customer as provisioning has it now, or null when the
    /// account (or its customer) is not provisioned: the balance API writes the balance in it.
    /// </summary>
    public string? CurrencyOfAccount(string accountId)
    {
        var provisioning = data.Provisioning.Current;
        return provisioning.Account(accountId) is { } account ? provisioning.Customer(account.CustomerId)?.Currency : null;
    }

    /// <summary>Where an exception that escapes a route is written (standard error; <see cref="ServerErrors"/>).</summary>
    public TextWriter ErrorLog { get; init; } = Console.Error;

    /// <summary>
    /// The middleware that must see every request before authentication answers it: the server-error handler and the
    /// deprecated paths' headers (a 401 or 403 carries them too). Call right after building the application.
    /// </summary>
    public void UseFront(WebApplication app)
    {
        new ServerErrors(ErrorLog).Use(app);
        app.Use(LegacyPaths.Mark);
    }

    /// <summary>Changes each customer may send (<see cref="ChangeThrottle"/>).</summary>
    public ChangeLimits ChangeLimits { get; init; } = ChangeLimits.Default;

    /// <summary>Reads each customer may have in progress (<see cref="ReadThrottle"/>).</summary>
    public ReadLimits ReadLimits { get; init; } = ReadLimits.Default;

    /// <summary>Registers the portal's services. Call after the host's own <c>AddAuthentication</c>: it makes the selector the default.</summary>
    /// <param name="builder">The host's builder.</param>
    /// <param name="keyOnlyPaths">
    /// The host's routes for machines only (<c>/metrics</c>): always authenticated by API key, so a request without one is
    /// challenged with 401 Bearer, never redirected to the login page (a scraper would follow it and read a 200).
    /// </param>
    public void AddServices(WebApplicationBuilder builder, params string[] keyOnlyPaths)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(data);
        services.AddSingleton(data.Users);
        services.AddSingleton(data.Clock);
        services.AddSingleton(data.Calls);
        services.AddSingleton(data.Tariffs);
        services.AddSingleton(new Data.Tickets.TicketStore(data.DataDirectory));
        services.AddSingleton(LoginLimits);
        services.AddSingleton(new ChangeThrottle(ChangeLimits));
        services.AddSingleton(new ReadThrottle(ReadLimits));
        services.AddSingleton<LoginService>();
        services.AddHttpContextAccessor();
        services.AddScoped<CustomerScope>();
        Features.FeatureServices.Add(services);
        services.AddAuthentication(o => o.DefaultScheme = SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "API key or session", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.Count > 0 || context.Request.Path.StartsWithSegments(PortalPaths.LegacyApi)
                    || keyOnlyPaths.Any(p => context.Request.Path.StartsWithSegments(p))
                    ? apiKeyScheme
                    : SessionAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthentication>(SessionAuthentication.SchemeName, null);
        services.AddAuthorization(PortalPolicies.Add);

        // Anti-forgery tokens are encrypted with these keys: kept in the data directory (0700, like everything there)
        // so a restart does not void the forms open in browsers.
        services.AddDataProtection()
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(data.DataDirectory, "portal-keys")))
            .SetApplicationName("centrex-portal");
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = CsrfCookie;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            o.HeaderName = CsrfHeader;
        });
        services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = MaxBodyBytes;
            o.ValueCountLimit = 2048;
        });
        // The web interface's language (seed 004, My Profile): texts from Localization/PortalText.*.resx.
        services.AddLocalization();
        services.AddRazorPages(o =>
        {
            // Laid out by feature (STYLE.md): each page beside the API routes of the same resource.
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/Customer", PortalPolicies.Customer);
            o.Conventions.AuthorizeFolder("/Operator", PortalPolicies.Operator);
            o.Conventions.AllowAnonymousToPage("/Account/Login");
        }).AddMvcOptions(o => o.Filters.Add(new FormCsrfRefusal())).AddApplicationPart(typeof(PortalHost).Assembly);
        // Generated URLs keep the case of their route values: a line id is case-sensitive (ACC-1006, not acc-1006), and
        // a lowercased form action sent the forwarding page's posts to a line that does not exist.
        services.Configure<RouteOptions>(o => o.LowercaseUrls = false);
        services.AddOpenApi("v1", o =>
        {
            // The REST API only (the pages are not part of it; the deprecated /v1 paths are documented as such).
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true || d.RelativePath?.StartsWith("v1/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Centrex REST API";
                document.Info.Description = "The self-care portal's API (issue 16): /api/v1/me for a customer's own data (a customer login's session, or a key bound to the customer: "
                    + "me:read for reads, me:write for changes; made by the operator with centrex apikey create --customer ID or by the customer on My Profile), "
                    + "/api/v1/operator for the operator (an operator session, or an API key with the route's operator scope: customers:read, customers:write, "
                    + "tariffs:read, tariffs:write, billing:read, billing:write, payments:write, ledger:read, switch:read, provisioning:read, provisioning:write, logins:read, logins:write, tickets:read, tickets:write), "
                    + "/api/v1/cdr-batches and /api/v1/accounts/{account}/balance for API keys with their scopes. "
                    + "The /v1 paths are deprecated (since 2026-12-01, sunset 2027-06-01): they answer until then, with Deprecation, Sunset and Link headers.";
                foreach (var (path, item) in document.Paths)
                {
                    if (path.StartsWith(PortalPaths.LegacyApi + "/", StringComparison.Ordinal) && item.Operations is { } operations)
                    {
                        foreach (var operation in operations.Values)
                        {
                            operation.Deprecated = true;
                        }
                    }
                }

                return Task.CompletedTask;
            });
        });
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            // A member the route does not take is refused, not ignored (Api/JsonBodyRefusal answers it naming the field).
            o.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
        });
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
    }

    /// <summary>Adds the portal's middleware and routes. Call after the host's <c>UseAuthorization</c>.</summary>
    /// <param name="app">The application.</param>
    /// <param name="unlimitedBodies">Routes that enforce their own body limits (CDR ingestion).</param>
    public void Map(WebApplication app, params string[] unlimitedBodies)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            SecurityHeaders.Apply(context.Response);

            // Server time of each answer (W3C Server-Timing), what the portal's latency targets are measured on.
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            context.Response.OnStarting(() =>
            {
                var ms = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                context.Response.Headers["Server-Timing"] = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"app;dur={ms:0.0}");
                return Task.CompletedTask;
            });
            if (unlimitedBodies.Any(r => context.Request.Path.StartsWithSegments(r)) || await BodyLimits.Apply(context))
            {
                await next(context);
            }
        });
        // After authentication: the culture is the signed-in login's language, else the browser's.
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Localization.PortalCultures.English),
            SupportedCultures = [.. Localization.PortalCultures.All],
            SupportedUICultures = [.. Localization.PortalCultures.All],
            RequestCultureProviders = [new Localization.LoginLanguageProvider(), new AcceptLanguageHeaderRequestCultureProvider()],
        });
        CsrfCheck.Use(app);
        app.Use(app.Services.GetRequiredService<ChangeThrottle>().Handle);
        app.Use(app.Services.GetRequiredService<ReadThrottle>().Handle);
        app.Use(Features.Shared.SortRefusal.Handle);
        app.Use(Api.JsonBodyRefusal.Handle);
        data.CallIndexer.Start();
        app.MapGet("/assets/{name}", AssetEndpoint.Serve).AllowAnonymous();
        app.MapGet("/", (HttpContext context) => Results.Redirect(Home(context))).RequireAuthorization();
        app.MapRazorPages();
        app.MapOpenApi(PortalPaths.Api[..^3] + "/{documentName}/openapi.json");
        Api.ApiRoutes.Map(app);
    }

    /// <summary>The home page of the signed-in login's role.</summary>
    public static string Home(HttpContext context) =>
        context.User.HasClaim(PortalClaims.Role, "operator") ? "/operator" : "/customer";
}
