using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Against a serve of its own, started with a relative <c>--data</c> (<see cref="RelativeDataServer"/>), review 16:
/// the login-route memory attack (item 2) reproduced, an invoice PDF downloaded (item 3), and a server error written to
/// standard error with its path and answered with a short reason (item 4).
/// </summary>
public sealed class ServeLimitsTests(RelativeDataServer server, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<RelativeDataServer>
{
    private const int Attackers = 8;
    private const int AttackBytes = 30 << 20;

    [Fact]
    public async Task ParallelHugeLogins_Are413_WhileServesMemoryStaysBounded_AndASignedInUserIsServed()
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        Assert.Equal(HttpStatusCode.OK, (await qc.Http.GetAsync("/api/v1/me/profile")).StatusCode);
        var before = Rss();
        var peak = before;
        using var flooding = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!flooding.IsCancellationRequested)
            {
                peak = Math.Max(peak, Rss());
                await Task.Delay(10);
            }
        });

        // The attack of the review: unauthenticated 30 MB logins in parallel (8 took serve from 319 MB to 1.73 GB), each
        // sent whole unless the answer comes first.
        var attacks = Enumerable.Range(0, Attackers).Select(_ => HugeLogin(server.BaseAddress)).ToList();

        // A signed-in user is served during the attack.
        var profile = await qc.Http.GetAsync("/api/v1/me/profile");
        var answers = await Task.WhenAll(attacks);
        await flooding.CancelAsync();
        await sampler;

        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.All(answers, a =>
        {
            Assert.StartsWith("HTTP/1.1 413 ", a.Status, StringComparison.Ordinal);
            var error = JsonDocument.Parse(a.Body).RootElement;
            Assert.Equal("too-large", error.GetProperty("error").GetString());
            Assert.Contains("64 KiB", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        });
        output.WriteLine($"serve's RSS: {before >> 20} MB before, {peak >> 20} MB at most during {Attackers} parallel 30 MB logins");
        // Not one body is held: the growth stays below a single 30 MB login.
        Assert.True(peak - before < AttackBytes, $"serve's RSS went from {before >> 20} MB to {peak >> 20} MB under {Attackers} 30 MB logins");
    }

    [Fact]
    public async Task AnInvoicePdf_Downloads_WhenServeWasGivenARelativeDataDirectory()
    {
        using var qc = await Sessions.SignedIn(server, "cust-qc");
        var invoices = await qc.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/invoices");
        var number = invoices.EnumerateArray().First().GetProperty("number").GetInt64();

        using var pdf = await qc.Http.GetAsync($"/api/v1/me/invoices/{number}/pdf");
        using var csv = await qc.Http.GetAsync($"/api/v1/me/invoices/{number}/csv");

        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
    }

    [Fact]
    public async Task AServerError_IsWrittenToStandardErrorWithItsPath_AndAnsweredWithAShortReason()
    {
        // A damaged data file (the music-on-hold index is not JSON) is a fault of the server, not of the request.
        var folder = Path.Combine(server.Data, "music-on-hold", "CUST-QC");
        Directory.CreateDirectory(folder);
        var index = Path.Combine(folder, "index.json");
        await File.WriteAllTextAsync(index, "{ damaged");
        try
        {
            using var qc = await Sessions.SignedIn(server, "cust-qc");
            using var answer = await qc.Http.GetAsync("/api/v1/me/music-on-hold?token=not-for-the-log");

            Assert.Equal(HttpStatusCode.InternalServerError, answer.StatusCode);
            var error = await answer.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("server-error", error.GetProperty("error").GetString());
            string line = string.Empty;
            for (var i = 0; i < 100 && line.Length == 0; i++)
            {
                line = server.Error.Split('\n').FirstOrDefault(l => l.StartsWith("centrex serve: 500 on GET /api/v1/me/music-on-hold:", StringComparison.Ordinal)) ?? string.Empty;
                await Task.Delay(line.Length == 0 ? 50 : 0);
            }

            Assert.Contains("JsonException", line, StringComparison.Ordinal);
            Assert.DoesNotContain("not-for-the-log", server.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(index);
        }
    }

    // POST /api/v1/session declaring a 30 MB body (a login whose password is 30 MB of 'a'), over a socket of its own:
    // the body is sent while the answer is read, and sending stops once the answer has come.
    private static async Task<(string Status, string Body)> HugeLogin(Uri address)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /api/v1/session HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\nContent-Length: {AttackBytes}\r\n\r\n"));
        using var answered = new CancellationTokenSource();
        var sending = Task.Run(async () =>
        {
            var head = Encoding.ASCII.GetBytes("{\"login\":\"x\",\"password\":\"");
            var chunk = Enumerable.Repeat((byte)'a', 64 << 10).ToArray();
            try
            {
                await stream.WriteAsync(head, answered.Token);
                for (var left = AttackBytes - head.Length - 2; left > 0 && !answered.IsCancellationRequested; left -= chunk.Length)
                {
                    await stream.WriteAsync(chunk.AsMemory(0, Math.Min(left, chunk.Length)), answered.Token);
                }

                await stream.WriteAsync("\"}"u8.ToArray(), answered.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The answer came first, or serve closed the connection after it: what is left is not needed.
            }
        });

        using var reader = new StreamReader(stream, Encoding.ASCII, false, 1024, leaveOpen: true);
        var status = await reader.ReadLineAsync() ?? string.Empty;
        var length = 0;
        for (var line = await reader.ReadLineAsync(); !string.IsNullOrEmpty(line); line = await reader.ReadLineAsync())
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var body = new char[length];
        await reader.ReadBlockAsync(body);
        await answered.CancelAsync();
        await sending;
        return (status, new string(body));
    }

    private long Rss()
    {
        var status = File.ReadAllLines($"/proc/{server.ProcessId}/status").Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(status.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
