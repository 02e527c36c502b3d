using System.Net;
using Centrex.Switch.Tests.Sipp;

namespace Centrex.Cli.Tests;

/// <summary>
/// The real <c>centrex serve</c> with its switch, as the serve tests arrange it: a data directory provisioned by
/// <c>provision import</c> (<see cref="SwitchProvisioning"/>'s acme and its lines unless a test gives its own, with the
/// trunk to a gateway on <see cref="GatewayPort"/> accepting calls from <see cref="TrunkPort"/>), a tariff file, and serve
/// on free ports with direct media, returned once the switch listens (and so watches the store). Sipp plays the phones
/// and the gateway.
/// </summary>
internal sealed class ServedSwitch : IDisposable
{
    /// <summary>A tariff file's header.</summary>
    public const string TariffHeader = "prefix,destination,rate,connect_fee,first_increment,next_increment\n";

    /// <summary>The tariff most serve tests rate with: North America at 0.06 a minute, by the minute.</summary>
    public const string NorthAmerica = TariffHeader + "1,North America,0.0600,0,60,60\n";

    private ServedSwitch(string data, CentrexProcess serve, int sipPort, int gatewayPort, int trunkPort)
    {
        Data = data;
        Serve = serve;
        Address = new IPEndPoint(IPAddress.Loopback, sipPort);
        GatewayPort = gatewayPort;
        TrunkPort = trunkPort;
    }

    /// <summary>The data directory.</summary>
    public string Data { get; }

    /// <summary>The serve process.</summary>
    public CentrexProcess Serve { get; }

    /// <summary>Where the switch listens for SIP over UDP.</summary>
    public IPEndPoint Address { get; }

    /// <summary>Where the trunk sends calls out (a sipp gateway listens there when a test calls out).</summary>
    public int GatewayPort { get; }

    /// <summary>The port calls from the trunk come from.</summary>
    public int TrunkPort { get; }

    /// <summary>
    /// Provisions <paramref name="folder"/>'s <c>data</c> (with <paramref name="provisioning"/> of the gateway's and the
    /// trunk's ports, or <see cref="SwitchProvisioning.Json"/> with the trunk from 127.0.0.1:9 to the gateway) and starts serve
    /// with <paramref name="tariff"/> (a tariff file's text) and <paramref name="gatewayPort"/> (a free one when null).
    /// </summary>
    public static async Task<ServedSwitch> StartAsync(TempFolder folder, Func<int, int, string>? provisioning = null, string tariff = NorthAmerica, int? gatewayPort = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var data = folder.File("data");
        var (gateway, trunk, sip) = (gatewayPort ?? Sipp.FreeUdpPort(), Sipp.FreeUdpPort(), Sipp.FreeUdpPort());
        var json = provisioning is null
            ? SwitchProvisioning.Json(trunkSources: "\"127.0.0.1:9\"", trunkAddress: $"127.0.0.1:{gateway}")
            : provisioning(gateway, trunk);
        Import(folder, data, "switch.json", json);
        var serve = await CentrexProcess.ServeAsync(data, folder.Write("tariff.csv", tariff), null, "--sip", $"127.0.0.1:{sip}", "--media", "Direct");
        try
        {
            await serve.OutputLineAsync("sip udp ");
        }
        catch
        {
            serve.Dispose();
            throw;
        }

        return new ServedSwitch(data, serve, sip, gateway, trunk);
    }

    /// <summary>Imports <paramref name="json"/> into <paramref name="data"/> with <c>provision import</c>, which must accept it.</summary>
    public static void Import(TempFolder folder, string data, string name, string json)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var run = CliRun.Invoke("provision", "import", "--data", data, folder.Write(name, json));
        Assert.True(run.ExitCode == 0, $"import {name}: {run.Error}");
    }

    /// <summary>
    /// <paramref name="user"/> calls <paramref name="dialed"/> out through the trunk, the sipp gateway answers, and the
    /// caller hangs up after <paramref name="holdMilliseconds"/>: both ends must succeed.
    /// </summary>
    public void CallOut(string dialed = "2125551234", string user = "alice", int holdMilliseconds = 500)
    {
        using var gateway = Sipp.Listen("uas-answer", Address, GatewayPort);
        var caller = Sipp.Run("uac-call-hold", Address, Sipp.FreeUdpPort(),
            "-s", dialed, "-au", user, "-ap", SwitchProvisioning.Password, "-d", holdMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var gatewayResult = Sipp.Finish(gateway);
        Assert.True(caller.ExitCode == 0, $"{user}'s call to {dialed}: {caller.Output}{Serve.Error}");
        Assert.True(gatewayResult.ExitCode == 0, "gateway: " + gatewayResult.Output);
    }

    /// <summary>
    /// <paramref name="account"/>'s balance in mills once a charge reached it (the CDR stage charges a call a moment after
    /// it ends), through the balance API; 0 when nothing was charged within 30 s (a bound, not a timing check).
    /// </summary>
    public async Task<long> ChargedBalanceAsync(string account)
    {
        using var http = new HttpClient();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        long mills;
        do
        {
            mills = await IngestionSample.BalanceAsync(http, Serve.BaseAddress, account);
        }
        while (mills == 0 && !patience.IsCancellationRequested);

        return mills;
    }

    /// <summary>Stops serve (SIGTERM, see <see cref="CentrexProcess.StopAsync"/>) and returns its exit code.</summary>
    public Task<int> StopAsync() => Serve.StopAsync();

    public void Dispose() => Serve.Dispose();
}
