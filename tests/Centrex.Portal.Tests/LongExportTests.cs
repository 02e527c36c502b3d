using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Centrex.Portal.Tests.Support;

namespace Centrex.Portal.Tests;

/// <summary>
/// Issue 16: "long exports streamed" and "Reports (xDR in CSV, PDF and XLSX for any period)". A customer of its own with
/// <see cref="Calls"/> rated calls (posted to <c>/api/v1/cdr-batches</c>): its Transactions CSV and its xDR CSV and XLSX
/// for a period of several years arrive chunked, whole, while serve's resident memory grows by less than
/// <see cref="MaxGrowthBytes"/>; a PDF of that many calls is refused before anything is sent, the reason next to the
/// format on the page and named <c>format</c> over the API.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class LongExportTests(PortalServer server, Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>Calls of the customer: its CSV is ~10 MB, more than any buffer, and 20 times the PDF's limit.</summary>
    private const int Calls = 100_000;

    /// <summary>
    /// How much serve's private memory (RssAnon) may grow while one download is read. A streamed download holds a write
    /// buffer; what RssAnon shows beyond that is the garbage the rows leave until the GC collects it: the xDR writers
    /// make none (0-1 MB measured), nor since branch keys the transactions CSV (TransactionCsvWriter: 0.1 B a row in
    /// bench/README.md, "Transactions CSV"; it made ~1.2 KB a row before, ~85 MB measured here for 100,000 rows until the
    /// runtime's gen-0 budget filled). The bound is what that budget allows, so an allocating writer would still pass
    /// it; it does not tell a stream from a list of this many rows by itself: the writers that hold no row do.
    /// </summary>
    private const long MaxGrowthBytes = 128L << 20;

    private const string Customer = "CUST-LONG";

    [Fact]
    public async Task AMultiYearHistory_DownloadsStreamed_InBoundedMemory_AndAPdfOfItIsRefusedOnItsField()
    {
        using var me = await TestCustomers.Add(server, Customer, "cust-long");
        await RatedCalls.Add(server, Customer, "cust-long", "long", Calls);
        var to = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // Warm-up: a first download of each kind (its code compiled, its connections opened) of a month without calls, so
        // what is measured below is what the size of the download costs.
        await Download(me, "/api/v1/me/transactions.csv?from=2024-01-01&to=2024-01-31", $"transactions-{Customer}-2024-01-01-2024-01-31.csv");
        await Download(me, "/api/v1/me/reports/xdr?from=2024-01-01&to=2024-01-31&format=csv", $"xdr-{Customer}-2024-01-01-2024-01-31.csv");
        await Download(me, "/api/v1/me/reports/xdr?from=2024-01-01&to=2024-01-31&format=xlsx", $"xdr-{Customer}-2024-01-01-2024-01-31.xlsx");

        // Transactions: every call, the period three years and more.
        var (transactions, transactionsGrowth) = await Download(me, $"/api/v1/me/transactions.csv?from=2023-01-01&to={to}", $"transactions-{Customer}-2023-01-01-{to}.csv");
        var rows = Encoding.UTF8.GetString(transactions).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Calls + 1, rows.Length);
        Assert.All(rows.Skip(1), r => Assert.Contains(",calls,", r, StringComparison.Ordinal));

        // The xDR: CSV and XLSX for the same years.
        var (xdr, xdrGrowth) = await Download(me, $"/api/v1/me/reports/xdr?from=2023-01-01&to={to}&format=csv", $"xdr-{Customer}-2023-01-01-{to}.csv");
        Assert.Equal(Calls + 1, Encoding.UTF8.GetString(xdr).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var (xlsx, xlsxGrowth) = await Download(me, $"/api/v1/me/reports/xdr?from=2023-01-01&to={to}&format=xlsx", $"xdr-{Customer}-2023-01-01-{to}.xlsx");
        using (var zip = new ZipArchive(new MemoryStream(xlsx)))
        using (var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()))
        {
            var xml = await sheet.ReadToEndAsync();
            Assert.Equal(Calls + 1, CountOf(xml, "<row"));
        }

        output.WriteLine($"serve's resident memory grew by {transactionsGrowth >> 20} MB (transactions), {xdrGrowth >> 20} MB (xDR CSV), {xlsxGrowth >> 20} MB (XLSX) for {Calls:N0} calls");
        Assert.True(transactionsGrowth < MaxGrowthBytes && xdrGrowth < MaxGrowthBytes && xlsxGrowth < MaxGrowthBytes,
            $"serve grew by {transactionsGrowth >> 20} MB (transactions), {xdrGrowth >> 20} MB (xDR CSV), {xlsxGrowth >> 20} MB (XLSX)");

        // A PDF of them: refused, the reason on the format, nothing streamed.
        using var pdf = await me.Http.GetAsync($"/api/v1/me/reports/xdr?from=2023-01-01&to={to}&format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
        var error = await pdf.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("format", error.GetProperty("field").GetString());
        Assert.Contains($"a PDF holds at most 5,000 calls and these days have {Calls.ToString("N0", CultureInfo.InvariantCulture)}", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        var page = await me.Http.GetStringAsync($"/customer/reports?download=1&from=2023-01-01&to={to}&format=pdf");
        Assert.Contains("<div class=\"field-error\" id=\"format-error\">a PDF holds at most 5,000 calls", page, StringComparison.Ordinal);

        // A PDF of days without calls still comes (the limit counts the calls of the days asked for).
        using var small = await me.Http.GetAsync("/api/v1/me/reports/xdr?from=2024-01-01&to=2024-12-31&format=pdf");
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.Equal("%PDF", Encoding.ASCII.GetString((await small.Content.ReadAsByteArrayAsync())[..4]));
    }

    /// <summary>Reads <paramref name="path"/> as it arrives, sampling serve's resident memory; the body and the growth.</summary>
    private async Task<(byte[] Body, long Growth)> Download(PortalClient client, string path, string name)
    {
        var baseline = Resident();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var response = await client.Http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(name, response.Content.Headers.ContentDisposition?.FileName);

        // Streamed: no length known up front, sent in chunks as it is written.
        Assert.True(response.Headers.TransferEncodingChunked == true, $"{path}: not chunked");
        Assert.Null(response.Content.Headers.ContentLength);
        var peak = baseline;
        using var body = new MemoryStream();
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            body.Write(buffer, 0, read);
            if ((body.Length & 0xFFFFF) < read)
            {
                peak = Math.Max(peak, Resident());
            }
        }

        output.WriteLine($"{path}: {body.Length:N0} bytes in {clock.ElapsedMilliseconds:N0} ms");
        return (body.ToArray(), Math.Max(peak, Resident()) - baseline);
    }

    // RssAnon of serve, in bytes (proc(5)): its private memory (a list of the rows would be there). RssFile, the pages of
    // files it maps (SQLite maps the call log), is page cache the kernel takes back as it needs, not the process's.
    private long Resident()
    {
        var status = File.ReadLines($"/proc/{server.ProcessId}/status").ToList();
        long Of(string name) => long.Parse(status.First(l => l.StartsWith(name, StringComparison.Ordinal))[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        return Of("RssAnon:");
    }

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
