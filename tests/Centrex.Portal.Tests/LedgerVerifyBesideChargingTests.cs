using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Review item 15: <c>journal verify</c> on demand (the Ledger health page, <c>POST /api/v1/operator/ledger/verification</c>)
/// must not stall charging. Against a serve whose journal holds <see cref="LargeJournalServer.Calls"/> calls: a CDR batch
/// posted while a verify reads the journal is charged and acknowledged while the verify is still running, and the verify,
/// taken at a consistent point, counts exactly the calls before it. Then, serve stopped, two bytes of one call's entry
/// are changed so that FasterLog's checksum still holds (the call's account becomes another): the verify of the restarted
/// serve reports the difference.
/// </summary>
public sealed class LedgerVerifyBesideChargingTests(LargeJournalServer server, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<LargeJournalServer>
{
    [Fact]
    public async Task ABatchPostedDuringAVerify_IsChargedBeforeTheVerifyEnds_AndAVerifyStillFindsADamagedJournal()
    {
        var key = await ApiKeys.Create(server, "ledger:read");
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
        var before = await Balance(http);

        // A verify of this journal takes a fraction of a second on a quiet host: ask again until one is seen running.
        var started = System.Diagnostics.Stopwatch.StartNew();
        var verify = ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/ledger/verification", key);
        for (var attempt = 1; !await Running(http, key); )
        {
            if (verify.IsCompleted)
            {
                Assert.True(attempt++ < 20, $"20 verifies ended before one was seen running: {await (await verify).Content.ReadAsStringAsync()}");
                (await verify).Dispose();
                started.Restart();
                verify = ApiKeys.Send(http, HttpMethod.Post, "/api/v1/operator/ledger/verification", key);
            }
        }

        await ApiKeys.Rate(http, server.ApiKey, "during-verify",
            ApiKeys.CdrHeader + $"during-verify,{LargeJournalServer.Line},14165550100,12125551234,{DateTimeOffset.UtcNow.AddMinutes(-5):yyyy-MM-dd'T'HH:mm:ssK},60\n", rows: 1);

        var chargedAfter = started.Elapsed;
        Assert.True(await Running(http, key) && !verify.IsCompleted, $"the batch was acknowledged only after the verify ended ({chargedAfter.TotalMilliseconds:F0} ms)");
        Assert.Equal(before - 60, await Balance(http)); // one minute at 0.06: 60 mills

        using var verified = await verify;
        var report = await verified.Content.ReadFromJsonAsync<JsonElement>();
        output.WriteLine($"batch acknowledged {chargedAfter.TotalMilliseconds:F0} ms after the verify was asked for; the verify took {started.Elapsed.TotalMilliseconds:F0} ms: {report}");
        Assert.True(report.GetProperty("consistent").GetBoolean(), report.ToString());
        Assert.Equal(LargeJournalServer.Calls, report.GetProperty("calls").GetInt64());

        // Damage: stopped, the ledger checkpointed, so the restart replays nothing from before; one call's account changes
        // from VFY-L1 to VFY-M1 and a digit of its caller 8 bytes on flips too, which leaves FasterLog's checksum (an XOR
        // of 8-byte words) as it was: only a recomputation from the journal can tell.
        await server.StopServe();
        Damage(LargeJournalServer.CallId(LargeJournalServer.Calls / 2) + LargeJournalServer.Line);
        await server.StartServe();
        using var restarted = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(10) }; // a new port
        using var again = await ApiKeys.Send(restarted, HttpMethod.Post, "/api/v1/operator/ledger/verification", key);
        var damaged = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(damaged.GetProperty("consistent").GetBoolean(), damaged.ToString());
        Assert.Contains(damaged.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains("balance of 'VFY-M1'", StringComparison.Ordinal));
    }

    private async Task<bool> Running(HttpClient http, string key)
    {
        using var response = await ApiKeys.Send(http, HttpMethod.Get, "/api/v1/operator/ledger", key);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("verification_running").GetBoolean();
    }

    private async Task<long> Balance(HttpClient http)
    {
        using var response = await ApiKeys.Send(http, HttpMethod.Get, $"/api/v1/accounts/{LargeJournalServer.Line}/balance", server.BalancesKey);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("balance_mills").GetInt64();
    }

    private void Damage(string text)
    {
        var needle = Encoding.ASCII.GetBytes(text);
        foreach (var segment in Directory.GetFiles(Path.Combine(server.Data, "ledger", "journal")).Where(f => File.ReadAllBytes(f).AsSpan().IndexOf(needle) >= 0))
        {
            var bytes = File.ReadAllBytes(segment);
            var at = bytes.AsSpan().IndexOf(needle) + needle.Length - 2; // the 'L' of VFY-L1
            bytes[at] ^= 0x01;
            bytes[at + 8] ^= 0x01;
            File.WriteAllBytes(segment, bytes);
            return;
        }

        Assert.Fail($"no journal segment holds '{text}'");
    }
}
