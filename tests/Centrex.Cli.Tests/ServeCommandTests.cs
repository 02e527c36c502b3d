using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Centrex.Cli.Tests;

public sealed class ServeCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Serve_OnPortZero_PrintsItsPorts_AnswersSip_AndStopsCleanlyOnSigterm()
    {
        var directory = _folder.Write("switch.json", SwitchProvisioning.Json());
        using var serve = await CentrexProcess.ServeSipAsync("--sip", "127.0.0.1:0", "--data", _folder.File("data"), "--directory", directory);
        await serve.OutputLineAsync("sip tcp ");
        var (udp, tcp) = (serve.Output[0], serve.Output[1]);
        Assert.StartsWith("sip udp 127.0.0.1:", udp, StringComparison.Ordinal);
        Assert.StartsWith("sip tcp 127.0.0.1:", tcp, StringComparison.Ordinal);
        var endpoint = IPEndPoint.Parse(udp["sip udp ".Length..]);

        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var local = (IPEndPoint)client.Client.LocalEndPoint!;
        var options = $"OPTIONS sip:centrex.test SIP/2.0\r\nVia: SIP/2.0/UDP {local};branch=z9hG4bKserve1;rport\r\nMax-Forwards: 70\r\n" +
            "From: <sip:probe@centrex.test>;tag=1\r\nTo: <sip:centrex.test>\r\nCall-ID: serve-test\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        client.Send(Encoding.ASCII.GetBytes(options), endpoint);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var reply = await client.ReceiveAsync(patience.Token);
        Assert.StartsWith("SIP/2.0 200 OK", Encoding.ASCII.GetString(reply.Buffer), StringComparison.Ordinal);

        Assert.Equal(0, await serve.StopAsync());
        Assert.Contains("stopped", serve.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // without a tariff nothing is priced, but sites still limit and every attempt is still stored
    public async Task Serve_RunsTheSwitchFromTheStoreWithCallControl_ASiteLimitRefuses503_AndTheAttemptIsStored(bool withTariff)
    {
        // Every loopback source is the trunk, so an INVITE needs no credentials; the DID's site takes no incoming call.
        // The switch runs from the provisioning store: no --directory.
        var imported = CliRun.Invoke("provision", "import", "--data", _folder.File("data"), _folder.Write("switch.json", SwitchProvisioning.Json(site: "\"max_incoming\": 0")));
        Assert.Equal(0, imported.ExitCode);
        var tariff = _folder.Write("tariff.csv", "prefix,destination,rate,connect_fee,first_increment,next_increment\n1,North America,0.0600,0,60,60\n");
        using var serve = await CentrexProcess.ServeSwitchAsync(_folder.File("data"), ["--sip", "127.0.0.1:0", .. withTariff ? ["--tariff", tariff] : Array.Empty<string>()]);
        var udp = await serve.OutputLineAsync("sip udp ");
        var endpoint = IPEndPoint.Parse(udp["sip udp ".Length..]);
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var local = (IPEndPoint)client.Client.LocalEndPoint!;
        var invite = $"INVITE sip:16045550100@{endpoint} SIP/2.0\r\nVia: SIP/2.0/UDP {local};branch=z9hG4bKserve2;rport\r\nMax-Forwards: 70\r\n" +
            $"From: <sip:2125551234@{local.Address}>;tag=1\r\nTo: <sip:16045550100@{endpoint}>\r\nCall-ID: serve-hooks\r\nCSeq: 1 INVITE\r\n" +
            $"Contact: <sip:2125551234@{local}>\r\nContent-Length: 0\r\n\r\n";
        client.Send(Encoding.ASCII.GetBytes(invite), endpoint);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        string reply;
        do
        {
            reply = Encoding.ASCII.GetString((await client.ReceiveAsync(patience.Token)).Buffer); // skip 100 Trying
        }
        while (reply.StartsWith("SIP/2.0 1", StringComparison.Ordinal));

        Assert.StartsWith("SIP/2.0 503 ", reply, StringComparison.Ordinal);
        Assert.Contains("site Head office: max incoming calls 0 reached", reply, StringComparison.Ordinal);

        Assert.Equal(0, await serve.StopAsync());
        var stored = Directory.EnumerateFiles(Path.Combine(_folder.File("data"), "cdrs"), "*.csv").Select(File.ReadAllText);
        Assert.Contains(stored, text => text.Contains("refused-by-limit", StringComparison.Ordinal));
        Assert.Contains("switch CDRs: 1 stored, 0 charged", serve.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_WithABrokenDirectory_ExitsTwoNamingTheRecord()
    {
        var directory = _folder.Write("switch.json", SwitchProvisioning.Json().Replace("\"site\": \"hq\", \"extension\": \"101\"", "\"site\": \"annex\", \"extension\": \"101\"", StringComparison.Ordinal));

        var result = CliRun.Invoke("serve", "--sip", "127.0.0.1:0", "--data", _folder.File("data"), "--directory", directory);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("switch.json: accounts (id \"16045550101\"): site \"annex\" does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_OnAStoreWithoutSipAccounts_AndNoTariff_HasNothingToServe()
    {
        var billingOnly = SwitchProvisioning.Json().Split("\"accounts\": [")[0] + "\"accounts\": [ { \"id\": \"A1\", \"customer\": \"acme\", \"type\": \"debit\" } ] }";
        Assert.Equal(0, CliRun.Invoke("provision", "import", "--data", _folder.File("data"), _folder.Write("billing.json", billingOnly)).ExitCode);

        var result = CliRun.Invoke("serve", "--sip", "127.0.0.1:0", "--data", _folder.File("data"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nothing to serve", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--media-ports", "30000", "--media-ports '30000' must be MIN-MAX")]
    [InlineData("--media-ports", "30000-30001", "--media-ports '30000-30001' must be MIN-MAX")]
    [InlineData("--media-ports", "80-2000", "--media-ports '80-2000' must be MIN-MAX")]
    [InlineData("--media-address", "0.0.0.0", "--media-address '0.0.0.0' must be an IP address")]
    [InlineData("--media-address", "relay.example", "--media-address 'relay.example' must be an IP address")]
    public void Serve_WithABadRelayAddressOrPortRange_ExitsTwoSayingWhatIsWrong(string option, string value, string message)
    {
        var directory = _folder.Write("switch.json", "{}");

        var result = CliRun.Invoke("serve", "--sip", "127.0.0.1:0", "--data", _folder.File("data"), "--directory", directory, option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }
}
