using System.Net;
using Centrex.Switch.Tests.Sipp;

namespace Centrex.Cli.Tests;

/// <summary>
/// The whole path in the real process: <c>provision import</c> puts a credit line with a 0.100 limit in the store,
/// <c>serve --data --tariff</c> runs the switch from it, a sipp phone calls out through the trunk to a sipp gateway,
/// and the call's CDR is rated and charged in real time: the balance API shows it while serve runs.
/// </summary>
public sealed class ServeChargedCallTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Serve_ACallOutThroughTheTrunk_IsChargedInRealTime_AndTheBalanceApiShowsIt()
    {
        var data = _folder.File("data");
        var gatewayPort = Sipp.FreeUdpPort();
        var sipPort = Sipp.FreeUdpPort();
        var provisioning = SwitchProvisioning.Json(trunkSources: "\"127.0.0.1:9\"", trunkAddress: $"127.0.0.1:{gatewayPort}");
        Assert.Equal(0, CliRun.Invoke("provision", "import", "--data", data, _folder.Write("switch.json", provisioning)).ExitCode);
        var tariff = _folder.Write("tariff.csv", "prefix,destination,rate,connect_fee,first_increment,next_increment\n1,North America,0.0600,0,60,60\n");
        using var serve = await CentrexProcess.ServeAsync(data, tariff, null, "--sip", $"127.0.0.1:{sipPort}", "--media", "Direct");
        var switchAddress = new IPEndPoint(IPAddress.Loopback, sipPort);

        using (var gateway = Sipp.Listen("uas-answer", switchAddress, gatewayPort))
        {
            var caller = Sipp.Run("uac-call-hold", switchAddress, Sipp.FreeUdpPort(),
                "-s", "2125551234", "-au", "alice", "-ap", SwitchProvisioning.Password, "-d", "500");
            var gatewayResult = Sipp.Finish(gateway);
            Assert.True(caller.ExitCode == 0, "caller: " + caller.Output + serve.Error);
            Assert.True(gatewayResult.ExitCode == 0, "gateway: " + gatewayResult.Output);
        }

        // One started minute at 60 mills, charged to the credit line within its 100-mill limit.
        using var http = new HttpClient();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30)); // a bound, not a timing check
        long mills;
        do
        {
            mills = await IngestionSample.BalanceAsync(http, serve.BaseAddress, SwitchProvisioning.Limited);
        }
        while (mills == 0 && !patience.IsCancellationRequested);

        Assert.Equal(-60, mills);
        Assert.Equal(0, await serve.StopAsync());
        Assert.Contains("switch CDRs: 1 stored, 1 charged", serve.Error, StringComparison.Ordinal);
        var verify = CliRun.Invoke("balance", "--data", data, "--account", SwitchProvisioning.Limited);
        Assert.Contains("-0.060", verify.Out, StringComparison.Ordinal);
    }
}
