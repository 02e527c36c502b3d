using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Review of issue 16, finding 3: a customer whose id has an accented letter downloads its transactions, calls and xDR
/// reports (they answered 500: the name was written as RFC 2047 and folded with CRLF), each named as RFC 6266 says:
/// <c>filename*=UTF-8''…</c> with the id as it is, and a plain ASCII <c>filename</c> beside it. An id with a quote, a
/// slash or a space is refused by import's own check, over the operator's API too, naming <c>id</c>.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class DownloadNameTests(PortalServer server)
{
    private const string Customer = "Boulangerie-Québec";

    [Theory]
    [InlineData("/api/v1/me/transactions.csv?from=2026-11-01&to=2026-11-30", "transactions-{0}-2026-11-01-2026-11-30.csv")]
    [InlineData("/customer/transactions?from=2026-11-01&to=2026-11-30&csv=1", "transactions-{0}-2026-11-01-2026-11-30.csv")]
    [InlineData("/api/v1/me/reports/xdr?from=2026-11-01&to=2026-11-30&format=xlsx", "xdr-{0}-2026-11-01-2026-11-30.xlsx")]
    [InlineData("/api/v1/me/reports/xdr?from=2026-11-01&to=2026-11-30&format=csv", "xdr-{0}-2026-11-01-2026-11-30.csv")]
    [InlineData("/api/v1/me/reports/xdr?from=2026-11-01&to=2026-11-30&format=pdf", "xdr-{0}-2026-11-01-2026-11-30.pdf")]
    [InlineData("/api/v1/me/calls.csv", "calls-{0}.csv")]
    public async Task ADownloadOfACustomerWithAnAccentedId_IsNamedByRfc6266(string path, string name)
    {
        using var me = await Signed();
        using var response = await me.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, name, Customer), disposition.FileNameStar);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, name, "Boulangerie-Quebec"), disposition.FileName);
        Assert.DoesNotContain("=?", string.Join(' ', response.Content.Headers.GetValues("Content-Disposition")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bad\"Quote")]
    [InlineData("a/b")]
    [InlineData("two words")]
    public async Task ACustomerIdWithAQuoteSlashOrSpace_IsRefusedNamingId(string id)
    {
        var key = await ApiKeys.Create(server, "customers:write");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var body = JsonSerializer.Serialize(new
        {
            id, company = "Odd ltd.", email = "ops@odd.example", street = "1 Rue", city = "Québec", province = "QC", country = "CA", postal_code = "G1R 1A1",
            currency = "CAD", time_zone = "America/Toronto",
        });
        using var response = await ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/customers", key, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("id", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());

        // Import's own check, with its code and text.
        var file = Path.Combine(server.Data, $"{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new
        {
            format = "centrex-provisioning/1",
            customers = new[]
            {
                new
                {
                    id, company = "Odd ltd.", contact = "A", email = "ops@odd.example",
                    address = new { street = "1 Rue", city = "Québec", province = "QC", country = "CA", postal_code = "G1R 1A1" },
                    currency = "CAD", time_zone = "America/Toronto",
                },
            },
        }));
        var import = await PortalServer.Run(null, "provision", "import", "--data", server.Data, file);
        Assert.NotEqual(0, import.Exit);
        Assert.Contains("id is not 1 to 64 letters, digits, '-', '_' or '.'", import.Error, StringComparison.Ordinal);
    }

    // The customer and its login are added by the first case; the others sign in.
    private async Task<PortalClient> Signed()
    {
        await Gate.WaitAsync();
        try
        {
            if (!added)
            {
                added = true;
                return await TestCustomers.Add(server, Customer, "cust-quebec", email: "billing@boulangerie.example");
            }
        }
        finally
        {
            Gate.Release();
        }

        var client = new PortalClient(server.BaseAddress);
        Assert.Equal(HttpStatusCode.Found, (await client.LoginAsync("cust-quebec", TestCustomers.Password)).StatusCode);
        return client;
    }

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool added;
}
