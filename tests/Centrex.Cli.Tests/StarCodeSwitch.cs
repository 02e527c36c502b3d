using System.Globalization;
using System.Net;
using Centrex.Switch.Tests.Sipp;

namespace Centrex.Cli.Tests;

/// <summary>
/// The star-code tests' switch: <see cref="SwitchProvisioning"/>'s store (the trunk from <see cref="TrunkPort"/>) in a
/// data directory that serve keeps across a restart, on the same SIP port each time, so phones registered again after
/// the restart reach it where they did; and the steps those tests take with sipp (the line <see cref="Line"/>'s phone
/// dials a code, a call comes in from the trunk to its DID +16045550100).
/// </summary>
internal sealed class StarCodeSwitch
{
    /// <summary>The line that dials the codes: debit, extension 102, DID +16045550100.</summary>
    public const string Line = SwitchProvisioning.Prepaid;

    private readonly string[] _serveArgs;

    private StarCodeSwitch(string data, int sipPort, int trunkPort)
    {
        Data = data;
        Sip = new IPEndPoint(IPAddress.Loopback, sipPort);
        TrunkPort = trunkPort;
        _serveArgs = ["--sip", $"127.0.0.1:{sipPort.ToString(CultureInfo.InvariantCulture)}", "--media", "Direct"];
    }

    /// <summary>The data directory.</summary>
    public string Data { get; }

    /// <summary>Where the switch listens for SIP over UDP, each time it is started.</summary>
    public IPEndPoint Sip { get; }

    /// <summary>The port calls from the trunk come from.</summary>
    public int TrunkPort { get; }

    /// <summary>Imports the store into <paramref name="folder"/>'s <c>data</c>, <paramref name="edit"/> applied to its JSON first.</summary>
    public static StarCodeSwitch Import(TempFolder folder, Func<string, string>? edit = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var (trunkPort, sipPort) = (Sipp.FreeUdpPort(), Sipp.FreeUdpPort());
        var json = SwitchProvisioning.Json(trunkSources: $"\"127.0.0.1:{trunkPort}\"");
        var data = folder.File("data");
        var import = CliRun.Invoke("provision", "import", "--data", data, folder.Write("base.json", edit is null ? json : edit(json)));
        Assert.True(import.ExitCode == 0, import.Error);
        return new StarCodeSwitch(data, sipPort, trunkPort);
    }

    /// <summary>Starts serve on the store and waits until its switch listens.</summary>
    public async Task<CentrexProcess> StartAsync()
    {
        var serve = await CentrexProcess.ServeSwitchAsync(Data, _serveArgs);
        await serve.OutputLineAsync("sip udp ");
        return serve;
    }

    /// <summary>The phone of <paramref name="user"/> registers from <paramref name="port"/>.</summary>
    public void Register(string user, int port)
    {
        var run = Sipp.Run("register", Sip, port, "-s", user, "-au", user, "-ap", SwitchProvisioning.Password);
        Assert.True(run.ExitCode == 0, "register: " + run.Output);
    }

    /// <summary>The line dials a star code from another port: 200, ACK, the switch's BYE.</summary>
    public void Dial(string code)
    {
        var run = Sipp.Run("uac-call-until-bye", Sip, Sipp.FreeUdpPort(), "-s", code, "-au", Line, "-ap", SwitchProvisioning.Password);
        Assert.True(run.ExitCode == 0, $"{code}: " + run.Output);
    }

    /// <summary>A call from the trunk to the line's DID, played by <paramref name="scenario"/>.</summary>
    public (int ExitCode, string Output) TrunkCall(string scenario) => Sipp.Run(scenario, Sip, TrunkPort, "-s", "+16045550100");

    /// <summary>What <c>provision export</c> shows of the store now.</summary>
    public string Export() => CliRun.Invoke("provision", "export", "--data", Data).Out;
}
