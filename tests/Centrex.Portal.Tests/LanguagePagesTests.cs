using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// The whole portal in the login's language (issue 16, My Profile's language), over real HTTP with French logins set by
/// <c>centrex user language</c>: provisioning's refusal shown next to the field it names in French (the record it names
/// kept as it is) while the API answers the same refusal in English with its stable kind; a saved message with its value
/// in French; the operator's pages, menu and refusals in French, and the operator's own language setting.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class LanguagePagesTests(PortalServer server) : IAsyncLifetime
{
    // Logins of each test's own: their language changes nothing for the other tests' logins.
    private readonly string Customer = "lang-fr-on-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string Operator = "lang-fr-op-" + Guid.NewGuid().ToString("N")[..8];

    public async Task InitializeAsync()
    {
        await server.AddFrenchLogin(Customer, "CUST-ON", "language-pages-password-1");
        await server.AddFrenchLogin(Operator, null, "language-pages-password-2");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AnExtensionRefusal_IsShownInFrenchBesideTheField_AndTheApiKeepsItInEnglishWithItsKind()
    {
        using var on = await Sessions.SignedIn(server, Customer);
        var refused = await BillingPagesTests.Form(on, "/customer/extensions", null, ("line", "ACC-1002"), ("extension", "911"), ("name", "Reception"));
        Assert.Contains("<html lang=\"fr\">", refused, StringComparison.Ordinal);
        Assert.Contains("<h1>Postes</h1>", refused, StringComparison.Ordinal);
        var error = FieldError(refused, "ext-ACC-1002-error");
        Assert.Equal("accounts (id \"ACC-1002\") : le poste 911 est un numéro d'urgence : le composer doit toujours joindre les services d'urgence", error);

        // A refusal of another kind, with other values, beside the same field.
        var digits = FieldError(await BillingPagesTests.Form(on, "/customer/extensions", null, ("line", "ACC-1002"), ("extension", "20a"), ("name", "Reception")), "ext-ACC-1002-error");
        Assert.Equal("accounts (id \"ACC-1002\") : le poste « 20a » n'est pas composé de 1 à 15 chiffres", digits);

        // The API of the same French login answers in English, with the stable kind and field a script reads.
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/me/lines/ACC-1002/identity")
        {
            Content = JsonContent.Create(new { caller_id = "15145550999", hide_cli = "never" }),
        };
        request.Headers.Add("X-CSRF-Token", await on.CsrfAsync());
        using var answer = await on.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid", body.GetProperty("error").GetString());
        Assert.Equal("caller-id-not-did", body.GetProperty("kind").GetString());
        Assert.Equal("accounts (id \"ACC-1002\"): caller_id +15145550999 is not one of its dids (a line shows one of its own numbers)", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task ASavedMessage_CarriesItsValueInFrench()
    {
        using var on = await Sessions.SignedIn(server, Customer);
        var lines = await on.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/lines");
        var line = lines.EnumerateArray().First(l => l.GetProperty("id").GetString() == "ACC-1002");

        // Saved as it is (the other tests' extension stays), so only the message is under test.
        var saved = WebUtility.HtmlDecode(await BillingPagesTests.Form(on, "/customer/extensions", null, ("line", "ACC-1002"),
            ("extension", line.GetProperty("extension").GetString() ?? string.Empty), ("name", line.GetProperty("extension_name").GetString() ?? string.Empty)));
        Assert.Contains("<p class=\"notice\" role=\"status\">Poste de la ligne ACC-1002 enregistré.</p>", saved, StringComparison.Ordinal);
        Assert.DoesNotContain("saved.", saved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOperator_SeesItsPagesMenuAndRefusalsInFrench_AndSetsItsOwnLanguage()
    {
        using var op = await Sessions.SignedIn(server, Operator);
        var customers = WebUtility.HtmlDecode(await op.Http.GetStringAsync("/operator"));
        Assert.Contains("<html lang=\"fr\">", customers, StringComparison.Ordinal);
        Assert.Contains("<title>Clients · Centrex libre-service</title>", customers, StringComparison.Ordinal);
        Assert.Contains("<h1>Clients</h1>", customers, StringComparison.Ordinal);
        Assert.Contains(">Rechercher (identifiant, entreprise, contact, courriel)</label>", customers, StringComparison.Ordinal);
        Assert.Contains(">Nouveau client</a>", customers, StringComparison.Ordinal);
        Assert.Contains("Centrex <span>opérateur</span>", customers, StringComparison.Ordinal);
        foreach (var tab in new[] { "Identifiants", "Produits", "Tarifs", "Demandes", "Facturation", "Paiements", "Grand livre", "Commutateur", "Mon profil" })
        {
            Assert.Contains($">{tab}</a>", customers, StringComparison.Ordinal);
        }

        var tariffs = WebUtility.HtmlDecode(await op.Http.GetStringAsync("/operator/tariffs"));
        Assert.Contains("<h2>Téléverser un tarif</h2>", tariffs, StringComparison.Ordinal);
        Assert.Contains(">Vérifier et prévisualiser</button>", tariffs, StringComparison.Ordinal);

        // Provisioning's refusal of a site without a name, beside the name field in French, the record as it is.
        var fields = new List<(string, string)> { ("id", "LANG-SITE"), ("name", " ") };
        fields.AddRange(new[] { "max_calls", "max_incoming", "max_outgoing", "max_forwarded", "max_bandwidth_kbps", "max_incoming_kbps", "max_outgoing_kbps" }.Select(f => (f, string.Empty)));
        var refused = await BillingPagesTests.Form(op, "/operator/sites", null, [.. fields]);
        Assert.Equal("sites (id \"LANG-SITE\") : le nom est vide", FieldError(refused, "name-error"));
        Assert.Contains(">Nom du site</label>", WebUtility.HtmlDecode(refused), StringComparison.Ordinal);

        // The operator's own setting: back to English from its profile page.
        var profile = WebUtility.HtmlDecode(await op.Http.GetStringAsync("/operator/profile"));
        Assert.Contains("<h1>Mon profil</h1>", profile, StringComparison.Ordinal);
        Assert.Contains(">Langue de l'interface web</label>", profile, StringComparison.Ordinal);
        var english = await BillingPagesTests.Form(op, "/operator/profile", "Language", ("language", "en"));
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("<h1>My Profile</h1>", english, StringComparison.Ordinal);
        Assert.Contains("<p class=\"notice\" role=\"status\">Language saved.</p>", english, StringComparison.Ordinal);
        Assert.Contains("<h1>Customers</h1>", await op.Http.GetStringAsync("/operator"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProvisioningRefusalWithANewCode_StaysEnglishOnTheApi_WithItsKind()
    {
        // A subscription of a product that does not exist: a refusal given its code with the others of subscriptions,
        // fees, payments, trunks and switch settings. The French operator's API answer is the English one, with the kind.
        using var op = await Sessions.SignedIn(server, Operator);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/operator/provisioning")
        {
            Content = new StringContent("""{ "format": "centrex-provisioning/1", "subscriptions": [ { "id": "LANG-SUB", "account": "ACC-1001", "product": "NO-SUCH-PRODUCT", "start": "2026-01-01" } ] }""",
                System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-CSRF-Token", await op.CsrfAsync());
        using var answer = await op.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("subscription-product-unknown", body.GetProperty("kind").GetString());
        Assert.EndsWith("subscriptions (id \"LANG-SUB\"): product \"NO-SUCH-PRODUCT\" does not exist", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The decoded text of the field error <paramref name="id"/> on <paramref name="html"/>.</summary>
    private static string FieldError(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {id} on the page: {html}");
        start = html.IndexOf('>', start) + 1;
        return WebUtility.HtmlDecode(html[start..html.IndexOf("</div>", start, StringComparison.Ordinal)]);
    }
}
