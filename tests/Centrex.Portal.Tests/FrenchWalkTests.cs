using System.Net;
using System.Text.RegularExpressions;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// No English left on a French page (issue 16: the portal in the user's language): a French customer and a French
/// operator (set by <c>centrex user language</c>) walk every page their menu leads to and every page those link to,
/// and the main ways a form or a filter is refused; each answer's visible text is searched for the English of every
/// resource whose French differs (<see cref="EnglishLeft"/>). Any found is listed with the page it is on.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class FrenchWalkTests(PortalServer server) : IAsyncLifetime
{
    // Data that is spelt like an English text: the demo's operator login is named "operator" (the Logins table lists it).
    private static readonly HashSet<string> DataValues = new(StringComparer.Ordinal) { "operator" };

    // At most this many pages a walk: a link to every record would make it a crawl of the demo data.
    private const int MostPages = 120;

    private readonly string _customer = "walk-fr-qc-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _operator = "walk-fr-op-" + Guid.NewGuid().ToString("N")[..8];

    // Payments are made by CUST-BC (as BillingPagesTests makes its own): CUST-QC's invoices stay as the other tests read them.
    private readonly string _payer = "walk-fr-bc-" + Guid.NewGuid().ToString("N")[..8];
    private readonly EnglishLeft _english = EnglishLeft.FromResources();

    public async Task InitializeAsync()
    {
        await server.AddFrenchLogin(_customer, "CUST-QC", "walk-french-password-1");
        await server.AddFrenchLogin(_operator, null, "walk-french-password-2");
        await server.AddFrenchLogin(_payer, "CUST-BC", "walk-french-password-3");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void TheChecker_FindsEnglishWholeWithValuesAndInASentence_AndNotFrench()
    {
        Assert.True(_english.Count > 300, $"only {_english.Count} English-only texts: are the resource files read?");
        Assert.Equal(["Save"], _english.In("<button>Save</button><button>Enregistrer</button><p>Save me</p>"));
        Assert.Equal(["Extension of line {0} saved."], _english.In("<p class=\"notice\">Extension of line ACC-1 saved.</p><p>Poste de la ligne ACC-1 enregistré.</p>"));
        Assert.Equal(["extension '{0}' is not 1 to 15 digits"], _english.In("<div>accounts (id \"A\"): extension '2a' is not 1 to 15 digits</div>"));
        Assert.Empty(_english.In("<script>var t = 'Save';</script><!-- Save --><h1>Mon profil</h1>"));
    }

    [Fact]
    public async Task AFrenchCustomer_SeesNoEnglish_OnAnyPageOrRefusal()
    {
        using var client = await Sessions.SignedIn(server, _customer);
        var found = new List<string>();
        await Walk(client, ["/customer"], "/customer", found);

        // The main ways a page refuses what it is given.
        foreach (var path in new[]
        {
            "/customer/calls?from=2026-01-01&to=9999-12-31", "/customer/calls?from=2026-02-01&to=2026-01-01", "/customer/calls?from=01/02/2026",
            "/customer/transactions?from=2026-02-01&to=2026-01-01", "/customer/transactions?from=2020-01-01&to=2026-01-01",
            "/customer/invoices?from=2026-02-01&to=2026-01-01", "/customer/invoices?to=9999-12-31",
            "/customer/reports?download=1&from=2026-01-01&to=9999-12-31&format=pdf", "/customer/reports?download=1&from=2026-02-01&to=2026-01-01&format=csv",
            "/customer/calls?page=0", "/customer/calls?size=abc", "/customer/invoices?sort=nothing", "/customer/transactions?dir=up",
        })
        {
            await Check(client, path, found);
        }

        var refused = await CheckForm(client, "/customer/payments", null, found, ("amount", "abc"), ("card", " "));
        Assert.Contains("id=\"amount-error\"", refused, StringComparison.Ordinal); // refused beside the field (its words: main's MoneyInput)
        await CheckForm(client, "/customer/payments", null, found, ("amount", "1.00"), ("card", "tok_visa"));
        using (var payer = await Sessions.SignedIn(server, _payer))
        {
            // Declined, approved, approved as a prepaid line's top-up: the outcome messages.
            await CheckForm(payer, "/customer/payments", null, found, ("amount", "6.00"), ("card", "tok_visa_insufficient-funds"), ("line", ""));
            await CheckForm(payer, "/customer/payments", null, found, ("amount", "5.00"), ("card", "tok_visa"), ("line", ""));
            await CheckForm(payer, "/customer/payments", null, found, ("amount", "5.00"), ("card", "tok_visa"), ("line", "ACC-1004"));
        }

        await CheckForm(client, "/customer/payment-info", null, found, ("card", "a b"), ("label", ""), ("recharge_below", "x"), ("recharge_amount", "-1"));
        await CheckForm(client, "/customer/profile", "Password", found, ("current", "wrong"), ("new", "short"));
        await CheckForm(client, "/customer/profile", "CreateKey", found, ("name", ""));
        await CheckForm(client, "/customer/profile", "General", found, ("contact", "Isabelle"), ("email", "not-an-address"), ("time_zone", "Mars/Olympus"));
        Assert.True(found.Count == 0, "English on French customer pages:" + Environment.NewLine + string.Join(Environment.NewLine, found.Distinct()));
    }

    [Fact]
    public async Task AFrenchOperator_SeesNoEnglish_OnAnyPageOrRefusal()
    {
        using var client = await Sessions.SignedIn(server, _operator);
        var found = new List<string>();
        await Walk(client, ["/operator"], "/operator", found);

        foreach (var path in new[] { "/operator/logins?size=100000", "/operator?sort=nothing", "/operator/customers/keys?id=CUST-QC" })
        {
            await Check(client, path, found);
        }

        await CheckForm(client, "/operator/profile", "Password", found, ("current", "wrong"), ("new", "short"));
        await CheckForm(client, "/operator/payments", null, found, ("customer", "NOBODY"), ("received", "9999-12-31"), ("amount", "-1"), ("method", "gold"), ("kind", "gift"));
        await CheckForm(client, "/operator/payments", null, found, ("customer", "CUST-QC"), ("received", "2026-01-32"), ("amount", "1"));
        await CheckForm(client, "/operator/customers/keys?handler=Create&id=CUST-QC", null, found, ("name", ""));
        await CheckForm(client, "/operator/tariffs", "Activate", found, ("token", "nothing"), ("name", "t.csv"), ("from", "9999-12-31"));

        // A provisioning refusal that had no code before (a line's site that does not exist): in French beside its field.
        var site = await CheckForm(client, "/operator/accounts/edit", null, found, ("existing", "false"), ("id", "WALK-" + _operator[^8..]), ("customer", "CUST-QC"),
            ("type", "credit"), ("credit_limit", "10.00"), ("site", "NOWHERE"), ("requires_911", "false"), ("status", "active"));
        Assert.Contains("le site « NOWHERE » n'existe pas (provisionnez-le dans « sites », ou omettez site pour le site Default)", WebUtility.HtmlDecode(site), StringComparison.Ordinal);
        Assert.True(found.Count == 0, "English on French operator pages:" + Environment.NewLine + string.Join(Environment.NewLine, found.Distinct()));
    }

    // Every page reachable from the start pages by links under root (queries left out: sort and page links repeat a page).
    private async Task Walk(PortalClient client, IEnumerable<string> start, string root, List<string> found)
    {
        var seen = new HashSet<string>(start, StringComparer.Ordinal);
        var queue = new Queue<string>(start);
        while (queue.Count > 0 && seen.Count <= MostPages)
        {
            var path = queue.Dequeue();
            var html = await Check(client, path, found);
            foreach (Match m in Link().Matches(html))
            {
                var link = WebUtility.HtmlDecode(m.Groups[1].Value).Split('?', '#')[0];
                if ((link == root || link.StartsWith(root + "/", StringComparison.Ordinal)) && !Download().IsMatch(link) && seen.Add(link))
                {
                    queue.Enqueue(link);
                }
            }
        }

        Assert.True(seen.Count >= 8, $"only {seen.Count} pages walked from {root}");
    }

    private async Task<string> Check(PortalClient client, string path, List<string> found)
    {
        using var answer = await client.Http.GetAsync(path);
        var html = await answer.Content.ReadAsStringAsync();
        if (answer.StatusCode == HttpStatusCode.Redirect)
        {
            return await Check(client, answer.Headers.Location!.OriginalString, found);
        }

        Assert.True(answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{path}: {(int)answer.StatusCode} {html}");
        Report(path, html, found);
        return html;
    }

    private async Task<string> CheckForm(PortalClient client, string path, string? handler, List<string> found, params (string Name, string Value)[] fields)
    {
        var html = await BillingPagesTests.Form(client, path, handler, fields);
        Report($"POST {path}{(handler is null ? string.Empty : "?handler=" + handler)}", html, found);
        return html;
    }

    private void Report(string where, string html, List<string> found)
    {
        if (html.StartsWith("<!DOCTYPE", StringComparison.Ordinal))
        {
            Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        }

        found.AddRange(_english.In(html).Where(text => !DataValues.Contains(text)).Select(text => $"{where}: \"{text}\""));
    }

    [GeneratedRegex("href=\"(/[^\"]*)\"")]
    private static partial Regex Link();

    // Files, not pages: downloads and uploaded sounds.
    [GeneratedRegex(@"\.(csv|pdf|xlsx|wav|json)$|/download|/files?/|/api/")]
    private static partial Regex Download();
}
