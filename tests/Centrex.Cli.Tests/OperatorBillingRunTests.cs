using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Centrex.Cli.Tests;

/// <summary>
/// Issue 16's operator billing run on the real program: the operator signs in to <c>serve</c>'s portal and bills a month
/// not billed yet on the Billing page; the summary shows one invoice per customer, their numbers and the invoiced
/// total, the same as <c>invoice list</c> reads from the data directory afterwards; billing it again bills nothing.
/// </summary>
public sealed partial class OperatorBillingRunTests : IDisposable
{
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task TheOperator_BillsAMonthNotBilledYet_AndTheSummaryShowsTheInvoicesAndTheirTotal()
    {
        Assert.Equal(0, (await Centrex("provision", "import", "--data", _data.Path, SampleProvisioning.Path)).ExitCode);
        var added = await Centrex("user", "add", "admin", "--operator", "--data", _data.Path);
        Assert.True(added.ExitCode == 0, added.Error);
        string summary;
        using (var serve = await CentrexProcess.ServeSwitchAsync(_data.Path, "--sip", "127.0.0.1:0"))
        {
            using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
            using var browser = new HttpClient(handler) { BaseAddress = serve.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
            Assert.Equal(HttpStatusCode.OK, (await browser.PostAsJsonAsync("/api/v1/session", new { login = "admin", password = added.Out.Trim() })).StatusCode);
            var page = await browser.GetStringAsync("/operator/billing");
            Assert.Contains("Nothing billed yet.", page, StringComparison.Ordinal);
            summary = await Bill(browser, page, "2026-10");
            var again = await Bill(browser, await browser.GetStringAsync("/operator/billing"), "2026-10");
            Assert.Contains("2026-10 was billed already", again, StringComparison.Ordinal);
            Assert.Equal(0, await serve.StopAsync());
        }

        Assert.Contains("<h2 id=\"summary-h\">2026-10 billed</h2>", summary, StringComparison.Ordinal);
        var list = await Centrex("invoice", "list", "--data", _data.Path);
        Assert.True(list.ExitCode == 0, list.Error);
        var invoices = list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.NotEmpty(invoices);
        Assert.Contains($"<dt>Customers billed</dt><dd>{invoices.Count}</dd>", summary, StringComparison.Ordinal);
        var total = invoices.Sum(line => Mills(Money().Matches(line)[0].Value));
        Assert.True(total > 0, list.Out);
        // Every sample customer is billed in CAD: one total, in its currency (totals are per currency since amounts in
        // different currencies cannot be added).
        Assert.Matches($"<dt>Invoiced total</dt><dd>{Regex.Escape(Dollars(total))} CAD</dd>", summary);
        Assert.Single(Regex.Matches(summary, "<dt>Invoiced total</dt>"));
    }

    private static async Task<string> Bill(HttpClient browser, string page, string period)
    {
        var token = Token().Match(page).Groups[1].Value;
        using var response = await browser.PostAsync("/operator/billing?handler=Bill", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["period"] = period, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static long Mills(string amount) => long.Parse(amount.Replace(",", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    private static string Dollars(long mills) => (mills / 1000).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + "." + (mills % 1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);

    private static Task<CliRun> Centrex(params string[] args) => CentrexProcess.RunAsync(null, args);

    [GeneratedRegex("[0-9][0-9,]*\\.[0-9]{2,3}")]
    private static partial Regex Money();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
