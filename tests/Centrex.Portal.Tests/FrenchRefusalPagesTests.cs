using System.Net;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// On the served pages (issue 16: errors next to the field, in the user's language): a French customer of its own
/// (CUST-FRR, line FRR-1 on extension 301, forwarding in advanced mode, hunt groups 501 and 502) is refused a forward to a loopback SIP address,
/// a custom dialing rule whose pattern does not parse and a pickup prefix that swallows its extension; each refusal
/// is in French next to its field, and no English-only text is on the page (<see cref="EnglishLeft"/>). Deleting hunt
/// group 501, which group 502 includes, is refused in French too.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class FrenchRefusalPagesTests(PortalServer server) : IAsyncLifetime
{
    private readonly string _login = "frr-" + Guid.NewGuid().ToString("N")[..8];
    private readonly EnglishLeft _english = EnglishLeft.FromResources();

    public async Task InitializeAsync()
    {
        await TestCustomers.Import(server, "french-refusals.json", """
            { "format": "centrex-provisioning/1",
              "customers": [ { "id": "CUST-FRR", "company": "Refus SARL", "contact": "Rémi Fus", "email": "ap@refus.example", "currency": "CAD", "time_zone": "America/Toronto",
                "address": { "street": "1 rue Test", "city": "Montréal", "province": "QC", "country": "CA", "postal_code": "H2X 1A1" } } ],
              "accounts": [ { "id": "FRR-1", "customer": "CUST-FRR", "type": "credit", "credit_limit": "1000.00", "requires_911": false, "extension": "301",
                "sip": { "username": "frr1", "ha1_md5": "0123456789abcdef0123456789abcdef" },
                "forwarding": { "mode": "advanced", "targets": [ { "number": "+14165550199" } ] } } ],
              "hunt_groups": [ { "id": "FRR-G1", "customer": "CUST-FRR", "number": "501", "members": [ { "extension": "301" } ] },
                { "id": "FRR-G2", "customer": "CUST-FRR", "number": "502", "groups": [ "501" ] } ] }
            """);
        await server.AddFrenchLogin(_login, "CUST-FRR", "french-refusals-password");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RefusalsOnceBuiltFromEnglishPhrases_AreInFrenchNextToTheirField()
    {
        using var client = await Sessions.SignedIn(server, _login);
        for (var i = 0; i < 100 && (await client.Http.GetAsync("/customer/lines/FRR-1/forwarding")).StatusCode != HttpStatusCode.OK; i++)
        {
            await Task.Delay(50); // the portal rereads provisioning at most every 250 ms
        }

        var forward = await BillingPagesTests.Form(client, "/customer/lines/FRR-1/forwarding", "Add",
            ("Form.Number", "sip:x@127.0.0.1"), ("Form.RingFor", "20"), ("Form.Schedule", "always"));
        Beside(_english, forward, "number", "« sip:x@127.0.0.1 » est une adresse de bouclage (l'hôte même du commutateur) : le commutateur ne renvoie pas d'appel à cette adresse");

        var rule = await BillingPagesTests.Form(client, "/customer/dialing-rules", null, ("rules", "custom"), ("custom_rule", "s/(9/1/"),
            ("outside_prefix", ""), ("international_prefix", ""), ("national_prefix", ""), ("country_code", ""), ("area_code", ""), ("local_lengths", ""));
        Beside(_english, rule, "custom_rule", "le motif n'est pas une expression régulière que ce commutateur exécute (il manque une parenthèse fermante)");

        var prefix = await BillingPagesTests.Form(client, "/customer/incoming-calls", null,
            ("pickup_prefix", "30"), ("park_prefix", "70"), ("release_prefix", "71"), ("paging_prefix", "*80"));
        Beside(_english, prefix, "pickup_prefix", "le poste 301 se compose comme le service du préfixe d'interception");

        // A coded refusal of a deletion (the group another includes): it was shown in English whatever its code.
        var delete = await BillingPagesTests.Form(client, "/customer/huntgroups", "Delete", ("id", "FRR-G1"));
        Assert.Contains("field \"groups\" : « 501 » n'est pas un groupe de recherche du client « CUST-FRR »", WebUtility.HtmlDecode(delete), StringComparison.Ordinal);
        Assert.Empty(_english.In(delete));
    }

    /// <summary>
    /// The refusal next to <paramref name="field"/> (its error element), which says <paramref name="french"/>, with
    /// nothing English-only on the page; the refusal's text, for more checks.
    /// </summary>
    internal static string Beside(EnglishLeft english, string html, string field, string french)
    {
        var start = html.IndexOf($"id=\"{field}-error\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no refusal next to {field}: {html}");
        var error = WebUtility.HtmlDecode(html[start..html.IndexOf("</div>", start, StringComparison.Ordinal)]);
        Assert.Contains(french, error, StringComparison.Ordinal);
        Assert.Empty(english.In(html));
        return error[(error.IndexOf('>', StringComparison.Ordinal) + 1)..];
    }
}
