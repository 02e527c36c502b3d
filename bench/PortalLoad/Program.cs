using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;

// The portal's load (bench/portal-e2e.sh runs it against a real serve):
//   sessions URL LOGINS.txt CONCURRENCY SECONDS    dashboard and CDR browser pages, server time from Server-Timing
//   xdr URL LOGIN PASSWORD FROM TO PID             one CSV xDR download: rows/s, and the serve process's RSS while it streams
//   ingest URL KEY CDRS.csv BATCH_ROWS CONCURRENCY [minimal]   CDR batches over HTTP with an API key: CDRs/s durable
//                                                  (minimal: Prefer: return=minimal, the answer lists only rows not charged)
var mode = args[0];
var c = CultureInfo.InvariantCulture;
return mode switch
{
    "sessions" => await Sessions(new Uri(args[1]), File.ReadAllLines(args[2]), int.Parse(args[3], c), int.Parse(args[4], c)),
    "xdr" => await Xdr(new Uri(args[1]), args[2], args[3], args[4], args[5], int.Parse(args[6], c)),
    "ingest" => await Ingest(new Uri(args[1]), args[2], args[3], int.Parse(args[4], c), int.Parse(args[5], c), args.Length > 6 && args[6] == "minimal"),
    _ => 2,
};

static async Task<HttpClient> SignIn(Uri url, string login, string password)
{
    var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = url, Timeout = TimeSpan.FromMinutes(10) };
    var response = await client.PostAsJsonAsync("/api/v1/session", new { login, password });
    response.EnsureSuccessStatusCode();
    return client;
}

static double ServerMs(HttpResponseMessage response) =>
    response.Headers.TryGetValues("Server-Timing", out var values) && values.First() is var v && v.StartsWith("app;dur=", StringComparison.Ordinal)
        ? double.Parse(v["app;dur=".Length..], CultureInfo.InvariantCulture) : double.NaN;

static async Task<int> Sessions(Uri url, string[] logins, int concurrency, int seconds)
{
    var pages = new[] { "dashboard", "calls", "calls-filtered", "calls-deep" };
    var server = pages.ToDictionary(p => p, _ => new List<double>());
    var client = pages.ToDictionary(p => p, _ => new List<double>());

    // Each session's first answer of each page apart: it is the one that finds cold caches (the customer's view of
    // provisioning, SQLite pages, ledger state), and telling it from the steady state is how a tail is traced.
    var first = pages.ToDictionary(p => p, _ => new List<double>());
    var later = pages.ToDictionary(p => p, _ => new List<double>());
    var failures = 0;
    var until = DateTime.UtcNow.AddSeconds(seconds);
    var users = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(i =>
    {
        var parts = logins[i % logins.Length].Split(' ');
        return SignIn(url, parts[0], parts[1]);
    }));
    await Task.WhenAll(users.Select(async (http, u) =>
    {
        var random = new Random(u);
        var round = 0;
        while (DateTime.UtcNow < until)
        {
            round++;
            foreach (var page in pages)
            {
                var path = page switch
                {
                    "dashboard" => "/customer",
                    "calls" => "/customer/calls",
                    "calls-filtered" => $"/customer/calls?from=2026-10-01&to=2026-10-31&direction=outgoing&number={random.Next(2, 9)}",
                    _ => $"/customer/calls?page={random.Next(2, 20)}&size=50",
                };
                var watch = Stopwatch.StartNew();
                using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                watch.Stop();
                lock (server)
                {
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        failures++;
                        continue;
                    }

                    server[page].Add(ServerMs(response));
                    (round == 1 ? first : later)[page].Add(ServerMs(response));
                    client[page].Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }
    }));
    Console.WriteLine($"sessions: {concurrency} concurrent, {seconds} s, {failures} failed requests");
    foreach (var page in pages)
    {
        var s = server[page].Order().ToList();
        var w = client[page].Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {page,-15} {s.Count,7} requests  server p50 {P(s, 0.50),6:0.0} p95 {P(s, 0.95),6:0.0} p99 {P(s, 0.99),6:0.0} max {s[^1],7:0.0} ms   client p99 {P(w, 0.99),7:0.0} ms"));
        var f = first[page].Order().ToList();
        var l = later[page].Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {"",-15} {f.Count,7} first     server p50 {P(f, 0.50),6:0.0} max {(f.Count > 0 ? f[^1] : double.NaN),7:0.0} ms; the {l.Count} later: p99 {P(l, 0.99),6:0.0} max {(l.Count > 0 ? l[^1] : double.NaN),7:0.0} ms"));
    }

    return failures == 0 ? 0 : 1;
}

static double P(List<double> sorted, double q) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

static async Task<int> Xdr(Uri url, string login, string password, string from, string to, int pid)
{
    using var http = await SignIn(url, login, password);
    long peak = 0;
    var before = Rss(pid);
    using var sampling = new CancellationTokenSource();
    var sampler = Task.Run(async () =>
    {
        while (!sampling.IsCancellationRequested)
        {
            peak = Math.Max(peak, Rss(pid));
            await Task.Delay(20);
        }
    });
    var watch = Stopwatch.StartNew();
    using var response = await http.GetAsync($"/api/v1/me/reports/xdr?from={from}&to={to}&format=csv", HttpCompletionOption.ResponseHeadersRead);
    response.EnsureSuccessStatusCode();
    await using var body = await response.Content.ReadAsStreamAsync();
    var buffer = new byte[1 << 16];
    long bytes = 0, lines = 0;
    int n;
    while ((n = await body.ReadAsync(buffer)) > 0)
    {
        bytes += n;
        lines += buffer.AsSpan(0, n).Count((byte)'\n');
    }

    watch.Stop();
    await sampling.CancelAsync();
    await sampler;
    var rows = lines - 1;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"xdr: {rows:N0} rows, {bytes / 1e6:0.0} MB in {watch.Elapsed.TotalSeconds:0.00} s = {rows / watch.Elapsed.TotalSeconds:N0} rows/s; serve RSS {before / 1e6:0} MB before, peak {peak / 1e6:0} MB during (+{(peak - before) / 1e6:0} MB)"));
    return 0;
}

static long Rss(int pid)
{
    foreach (var line in File.ReadLines($"/proc/{pid}/status"))
    {
        if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
        {
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
    }

    return 0;
}

static async Task<int> Ingest(Uri url, string key, string cdrs, int batchRows, int concurrency, bool minimal)
{
    // Everything per CDR is done before the timed window, so the generator does not take the two cores it measures
    // (issue 16): the batches are cut from the file and encoded to UTF-8 once (each keeps the header), and sent as
    // bytes. In the window a request costs the same whatever its rows: send the bytes, read the answer in 64 KiB
    // pieces into one reused buffer (it is ~96 bytes a row), and parse only its closing summary, which must count
    // every row (read = rated + duplicates + rejected).
    var all = File.ReadAllLines(cdrs);
    var header = all[0];
    var batches = all.Skip(1).Chunk(batchRows).Select(rows => (Rows: rows.Length, Body: System.Text.Encoding.UTF8.GetBytes(header + "\n" + string.Join('\n', rows) + "\n"))).ToList();
    using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(10) };
    http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
    var next = -1;
    long rated = 0, answered = 0;

    // Keys unique to this run: a second run on the same data directory with other CDRs must not replay (or conflict
    // with) the first run's batches.
    var run = Guid.NewGuid().ToString("N")[..8];
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        var buffer = new byte[1 << 16];
        int i;
        while ((i = Interlocked.Increment(ref next)) < batches.Count)
        {
            var content = new ByteArrayContent(batches[i].Body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cdr-batches") { Content = content };
            request.Headers.Add("Idempotency-Key", $"bench-{run}-{i}");
            if (minimal)
            {
                request.Headers.Add("Prefer", "return=minimal");
            }

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            var summary = await Summary(await response.Content.ReadAsStreamAsync(), buffer);
            if (summary.Rows != batches[i].Rows)
            {
                throw new InvalidOperationException($"batch {i}: the answer counts {summary.Rows} rows of {batches[i].Rows}");
            }

            Interlocked.Add(ref rated, summary.Rated);
            Interlocked.Add(ref answered, summary.Rows);
        }
    }));
    watch.Stop();
    var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    var cdrCount = all.Length - 1;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"ingest: {cdrCount:N0} CDRs in {batches.Count} batches of {batchRows:N0}, {concurrency} concurrent{(minimal ? ", minimal answers" : string.Empty)}, API key checked on each: {watch.Elapsed.TotalSeconds:0.00} s = {cdrCount / watch.Elapsed.TotalSeconds:N0} CDRs/s durable (answered after commit); {rated:N0} rated of {answered:N0} answered; PortalLoad's own CPU in the window {used.TotalSeconds:0.00} s = {used.TotalMicroseconds / cdrCount:0.00} us/CDR"));
    return 0;
}

// Reads an answer to its end, keeping only its last bytes, and parses the "summary" object that closes it.
static async Task<(long Rows, long Rated)> Summary(Stream body, byte[] buffer)
{
    await using var _ = body;
    var tail = new byte[1024];
    var tailLength = 0;
    int n;
    while ((n = await body.ReadAsync(buffer)) > 0)
    {
        if (n >= tail.Length)
        {
            buffer.AsSpan(n - tail.Length, tail.Length).CopyTo(tail);
            tailLength = tail.Length;
        }
        else
        {
            var keep = Math.Min(tailLength, tail.Length - n);
            tail.AsSpan(tailLength - keep, keep).CopyTo(tail);
            buffer.AsSpan(0, n).CopyTo(tail.AsSpan(keep));
            tailLength = keep + n;
        }
    }

    var text = tail.AsSpan(0, tailLength);
    var at = text.LastIndexOf("\"summary\":"u8);
    if (at < 0)
    {
        throw new InvalidOperationException("the answer has no summary");
    }

    var summary = text[(at + "\"summary\":"u8.Length)..];
    using var json = System.Text.Json.JsonDocument.Parse(summary[..(summary.LastIndexOf((byte)'}'))].ToArray());
    return (json.RootElement.GetProperty("rows").GetInt64(), json.RootElement.GetProperty("rated").GetInt64());
}
