using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Centrex.Cli.Tests;

/// <summary>
/// Issue 16's tariff activation in the real process: the operator uploads a tariff through the API and activates it for
/// today, and serve, started with another <c>--tariff</c>, charges with it at once, without a restart: a sipp call
/// through the switch and a CDR batch through <c>/api/v1/cdr-batches</c>. A tariff activated for tomorrow prices only
/// the calls that start tomorrow (by date choice: an ingested CDR dated tomorrow).
/// </summary>
public sealed class ServeScheduledTariffTests : IDisposable
{
    private const string Header = ServedSwitch.TariffHeader;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Serve_ATariffActivatedForToday_PricesTheNextCall_AndOneForTomorrowWaitsForItsDay()
    {
        using var served = await ServedSwitch.StartAsync(_folder); // --tariff: North America at 0.06
        var serve = served.Serve;
        var operatorKey = await CentrexProcess.CreateKeyAsync(served.Data, umask: null, "tariffs:read", "tariffs:write", "cdr-batches:write", "balances:read");
        using var http = new HttpClient { BaseAddress = serve.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", operatorKey);

        // A tariff with an error is refused with rate's message (line and field); the good ones are scheduled.
        var (badStatus, bad) = await UploadAsync(http, Header + "1,North America,abc,0,60,60\n");
        Assert.Equal(400, badStatus);
        Assert.Contains("line 2", bad.ToString(), StringComparison.Ordinal);
        var today = DateTime.UtcNow.Date;
        var tomorrow = today.AddDays(1);
        await ActivateAsync(http, Header + "1,North America,0.5000,0,60,60\n", tomorrow);
        var activation = await ActivateAsync(http, Header + "1,North America,0.0900,0,60,60\n", today);
        Assert.True(activation.GetProperty("rating").GetBoolean(), activation.ToString());

        // The switch: one started minute at the tariff of today, 90 mills, within the line's 100-mill credit limit.
        served.CallOut();
        var mills = await served.ChargedBalanceAsync(SwitchProvisioning.Limited);
        Assert.Equal(-90, mills);

        // The API: a CDR that starts now is priced by today's tariff, one that starts tomorrow by tomorrow's, one from
        // yesterday by the --tariff file (before the first scheduled day).
        var now = DateTime.UtcNow;
        var body = "id,account,caller,callee,start,duration\n"
            + $"t1,API-TODAY,1,2125550000,{Iso(now)},60\n"
            + $"t2,API-TOMORROW,1,2125550000,{Iso(tomorrow.AddHours(1))},60\n"
            + $"t3,API-YESTERDAY,1,2125550000,{Iso(today.AddHours(-1))},60\n";
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cdr-batches") { Content = new StringContent(body, Encoding.UTF8, "text/csv") })
        {
            request.Headers.Add("Idempotency-Key", "scheduled-tariff-1");
            using var response = await http.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(-90, await BalanceAsync(http, "API-TODAY"));
        Assert.Equal(-500, await BalanceAsync(http, "API-TOMORROW"));
        Assert.Equal(-60, await BalanceAsync(http, "API-YESTERDAY"));
        Assert.Equal(0, await serve.StopAsync());
    }

    [Fact]
    public async Task Serve_WithAScheduledTariffThatNoLongerChecks_RefusesToStart_NamingTheFileLineAndField()
    {
        var data = _folder.File("data");
        Directory.CreateDirectory(Path.Combine(data, "tariffs"));
        File.WriteAllText(Path.Combine(data, "tariffs", "2026-01-01.csv"), Header + "1,North America,0.0600,0,60,60\n44,UK,7x,0,60,60\n");
        var initial = _folder.Write("tariff.csv", Header + "1,North America,0.0600,0,60,60\n");
        var run = await CentrexProcess.RunAsync(null, "serve", "--data", data, "--tariff", initial, "--http", "127.0.0.1:0");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("2026-01-01.csv", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 3", run.Error, StringComparison.Ordinal);
        Assert.Contains("rate", run.Error, StringComparison.Ordinal);
    }

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static async Task<(int Status, JsonElement Json)> UploadAsync(HttpClient http, string csv)
    {
        using var response = await http.PostAsync("/api/v1/operator/tariffs?name=t.csv", new StringContent(csv, Encoding.UTF8, "text/csv"));
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static async Task<JsonElement> ActivateAsync(HttpClient http, string csv, DateTime from)
    {
        var (status, upload) = await UploadAsync(http, csv);
        Assert.True(status == 200, upload.ToString());
        var token = upload.GetProperty("token").GetString();
        using var response = await http.PostAsync($"/api/v1/operator/tariffs/{token}/activation",
            new StringContent(JsonSerializer.Serialize(new { from = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<long> BalanceAsync(HttpClient http, string account)
    {
        using var response = await http.GetAsync($"/api/v1/accounts/{account}/balance");
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return 0;
        }

        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("balance_mills").GetInt64();
    }
}
