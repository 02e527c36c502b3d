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
        var beforeActivation = DateTime.UtcNow;
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
            + $"t3,API-YESTERDAY,1,2125550000,{Iso(today.AddHours(-1))},60\n"
            + $"t4,API-EARLIER-TODAY,1,2125550000,{Iso(beforeActivation.AddSeconds(-1))},60\n";
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cdr-batches") { Content = new StringContent(body, Encoding.UTF8, "text/csv") })
        {
            request.Headers.Add("Idempotency-Key", "scheduled-tariff-1");
            using var response = await http.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(-90, await BalanceAsync(http, "API-TODAY"));
        Assert.Equal(-500, await BalanceAsync(http, "API-TOMORROW"));
        Assert.Equal(-60, await BalanceAsync(http, "API-YESTERDAY"));

        // A tariff activated for today takes effect from the moment of its activation, not from 00:00 UTC: a call that
        // started earlier today (perhaps still up) keeps the tariff it was authorized with.
        Assert.Equal(-60, await BalanceAsync(http, "API-EARLIER-TODAY"));
        Assert.Equal(0, await serve.StopAsync());
    }

    /// <summary>
    /// Forty operators activate forty tariffs at once (one per day to come, each its own rate): every activation
    /// reloads serve's schedule on its request thread, and the reloads are serialized, so all forty are in force
    /// afterwards (before, a reload that read the folder early could publish last and drop later activations).
    /// </summary>
    [Fact]
    public async Task Serve_ConcurrentActivations_AreAllInForce()
    {
        var data = _folder.File("data");
        var operatorKey = await CentrexProcess.CreateKeyAsync(data, umask: null, "tariffs:read", "tariffs:write", "cdr-batches:write", "balances:read");
        var initial = _folder.Write("tariff.csv", Header + "1,North America,0.0600,0,60,60\n");
        using var serve = await CentrexProcess.ServeAsync(data, initial);
        using var http = new HttpClient { BaseAddress = serve.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", operatorKey);

        // As many as serve keeps waiting (TariffStore.MaxPending: uploads beyond it push the oldest out).
        const int Days = 10;
        var today = DateTime.UtcNow.Date;
        var tokens = new string[Days];
        for (var d = 1; d <= Days; d++)
        {
            // Rows of other prefixes make each reload take a while, as a real carrier's price list does (the race is
            // between reloads that read the folder at different moments and publish in another order).
            var rows = new StringBuilder(Header).Append(CultureInfo.InvariantCulture, $"1,North America,{(100 + d) / 1000m:0.0000},0,60,60\n");
            for (var prefix = 0; prefix < 3_000; prefix++)
            {
                rows.Append(CultureInfo.InvariantCulture, $"{44_000 + prefix},Elsewhere,0.0500,0,60,60\n");
            }

            var (status, upload) = await UploadAsync(http, rows.ToString());
            Assert.True(status == 200, upload.ToString());
            tokens[d - 1] = upload.GetProperty("token").GetString()!;
        }

        using var go = new SemaphoreSlim(0);
        var activations = Enumerable.Range(1, Days).Select(d => Task.Run(async () =>
        {
            await go.WaitAsync();
            using var response = await http.PostAsync($"/api/v1/operator/tariffs/{tokens[d - 1]}/activation",
                new StringContent(JsonSerializer.Serialize(new { from = today.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }), Encoding.UTF8, "application/json"));
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, text);
        })).ToList();
        go.Release(Days);
        await Task.WhenAll(activations);

        var body = new StringBuilder("id,account,caller,callee,start,duration\n");
        for (var d = 1; d <= Days; d++)
        {
            body.Append(CultureInfo.InvariantCulture, $"c{d},DAY-{d},1,2125550000,{Iso(today.AddDays(d).AddHours(12))},60\n");
        }

        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cdr-batches") { Content = new StringContent(body.ToString(), Encoding.UTF8, "text/csv") })
        {
            request.Headers.Add("Idempotency-Key", "concurrent-activations-1");
            using var response = await http.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        for (var d = 1; d <= Days; d++)
        {
            Assert.Equal(-(100 + d), await BalanceAsync(http, $"DAY-{d}")); // priced by its own day's tariff
        }

        Assert.Equal(0, await serve.StopAsync());
    }

    /// <summary>
    /// Only the tariff in force and the ones to come must load. Yesterday's tariff, superseded an hour ago by one
    /// activated today, no longer passes the checks (above a lowered --max-rate): it is skipped with a line in the log,
    /// and serve starts; one superseded long ago is not even read; a future one that fails is refused clearly in the log
    /// and left out, and serve keeps serving with the one in force. Before, any of them stopped serve (and 911 with it).
    /// </summary>
    [Fact]
    public async Task Serve_ABadSupersededTariff_IsSkipped_AndABadFutureOne_IsRefused_ServeStillStarts()
    {
        var data = _folder.File("data");
        var folder = Path.Combine(data, "tariffs");
        Directory.CreateDirectory(folder);
        var today = DateTime.UtcNow.Date;
        string Day(DateTime day) => Path.Combine(folder, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        File.WriteAllText(Path.Combine(folder, "2025-01-01.csv"), Header + "1,North America,8.0000,0,60,60\n"); // long superseded
        File.WriteAllText(Day(today.AddDays(-1)) + ".csv", Header + "1,North America,9.0000,0,60,60\n"); // over the cap now
        File.WriteAllText(Day(today) + ".csv", Header + "1,North America,0.0700,0,60,60\n"); // in force, activated an hour ago
        File.WriteAllText(Day(today) + ".from", Iso(DateTime.UtcNow.AddHours(-1)));
        File.WriteAllText(Path.Combine(folder, today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".csv"), Header + "1,North America,7x,0,60,60\n");
        var initial = _folder.Write("tariff.csv", Header + "1,North America,0.0600,0,60,60\n");
        using var serve = await CentrexProcess.ServeAsync(data, initial, null, "--max-rate", "1.00");
        Assert.Contains("superseded scheduled tariff was skipped", serve.Error, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(Day(today.AddDays(-1))) + ".csv", serve.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("2025-01-01.csv", serve.Error, StringComparison.Ordinal);
        Assert.Contains("future scheduled tariff was REFUSED", serve.Error, StringComparison.Ordinal);

        using var http = new HttpClient { BaseAddress = serve.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", serve.ApiKey);
        var body = "id,account,caller,callee,start,duration\n"
            + $"n1,NOW,1,2125550000,{Iso(DateTime.UtcNow)},60\n"
            + $"f1,LATER,1,2125550000,{Iso(today.AddDays(4))},60\n";
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cdr-batches") { Content = new StringContent(body, Encoding.UTF8, "text/csv") })
        {
            request.Headers.Add("Idempotency-Key", "bad-schedule-1");
            using var response = await http.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(-70, await BalanceAsync(http, "NOW"));
        Assert.Equal(-70, await BalanceAsync(http, "LATER")); // the refused tariff never takes effect
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
