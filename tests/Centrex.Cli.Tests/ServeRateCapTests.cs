namespace Centrex.Cli.Tests;

/// <summary>Issue 13: serve loads its tariff with the same sanity cap on rates as rate, and the same way to lift it.</summary>
public sealed class ServeRateCapTests : IDisposable
{
    private const string Tariff = "prefix,destination,rate,connect_fee,first_increment,next_increment\n1,North America,0.01,0,6,6\n4420,London premium,150,0,60,60\n";

    private readonly TempFolder _folder = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public void Dispose()
    {
        _http.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Serve_TariffRateAboveTheCap_DoesNotStart_NamingLineAndField()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CentrexProcess.ServeAsync(_folder.File("data"), _folder.Write("tariff.csv", Tariff)));
        Assert.Contains("tariff.csv: line 3, field 'rate': 150.000000 per minute is above the sanity cap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_WithAllowHighRates_ChargesTheHighRate()
    {
        using var serve = await CentrexProcess.ServeAsync(_folder.File("data"), _folder.Write("tariff.csv", Tariff), null, "--allow-high-rates");
        var body = "id,account,caller,callee,start,duration\np1,ACC-1,1,442071234567,2026-10-01T00:00:00Z,60\n";
        var (status, json) = await IngestionSample.PostAsync(_http, serve.BaseAddress, "premium", body);

        Assert.Equal(200, status);
        Assert.Equal("150.000", json.GetProperty("rows")[0].GetProperty("charge").GetString());
    }
}
