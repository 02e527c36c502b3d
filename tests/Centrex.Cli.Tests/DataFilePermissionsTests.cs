using System.Net;
using Centrex.Switch.Tests.Sipp;

namespace Centrex.Cli.Tests;

/// <summary>
/// Issue 13, item 7: the data directory is 0700 and every file in it 0600, whatever umask the real program is started
/// with (here 000, which would make them 0777 and 0666). The provisioning store holds digest HA1 hashes, which are as
/// good as the SIP password; the journal and the CDR files hold every customer's calls.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataFilePermissionsTests : IDisposable
{
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Demo_UnderUmask000_WritesItsStoresJournalAndInvoicesOwnerOnly()
    {
        var data = _folder.File("data");

        var demo = await CentrexProcess.RunUnderUmaskAsync("000", "demo", "--data", data, "--rows", "2000");

        Assert.True(demo.ExitCode == 0, demo.Error);
        AssertOwnerOnly(data, "provisioning.db", "billing.db", "invoices");
    }

    [Fact]
    public async Task Serve_UnderUmask000_ItsCdrStoreAndLedgerAreOwnerOnly()
    {
        var data = _folder.File("data");
        var gatewayPort = Sipp.FreeUdpPort();
        var sipPort = Sipp.FreeUdpPort();
        var provisioning = SwitchProvisioning.Json(trunkSources: "\"127.0.0.1:9\"", trunkAddress: $"127.0.0.1:{gatewayPort}");
        var import = await CentrexProcess.RunUnderUmaskAsync("000", "provision", "import", "--data", data, _folder.Write("switch.json", provisioning));
        Assert.True(import.ExitCode == 0, import.Error);
        var tariff = _folder.Write("tariff.csv", "prefix,destination,rate,connect_fee,first_increment,next_increment\n1,North America,0.0600,0,60,60\n");

        using (var serve = await CentrexProcess.ServeUnderUmaskAsync("000", data, tariff, "--sip", $"127.0.0.1:{sipPort}", "--media", "Direct"))
        {
            var switchAddress = new IPEndPoint(IPAddress.Loopback, sipPort);
            using (var gateway = Sipp.Listen("uas-answer", switchAddress, gatewayPort))
            {
                var caller = Sipp.Run("uac-call-hold", switchAddress, Sipp.FreeUdpPort(),
                    "-s", "2125551234", "-au", "alice", "-ap", SwitchProvisioning.Password, "-d", "100");
                Assert.True(caller.ExitCode == 0, "caller: " + caller.Output + serve.Error);
                Sipp.Finish(gateway);
            }

            Assert.Equal(0, await serve.StopAsync());
        }

        AssertOwnerOnly(data, "provisioning.db", "cdrs");
    }

    [Fact]
    public async Task ADataDirectoryLeftOpenByAnOlderVersion_IsClosedWhenACommandOpensIt()
    {
        var data = _folder.File("data");
        Directory.CreateDirectory(data);
        File.SetUnixFileMode(data, (UnixFileMode)0b111_101_101); // 0755

        var run = await CentrexProcess.RunUnderUmaskAsync("022", "journal", "verify", "--data", data);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(data) & GroupOrOther);
    }

    /// <summary>The folder, every folder and file under it, and the named entries (which must exist) are owner-only.</summary>
    private static void AssertOwnerOnly(string data, params string[] expected)
    {
        foreach (var name in expected)
        {
            Assert.True(Path.Exists(Path.Combine(data, name)), $"{name} was not written");
        }

        var open = new List<string>();
        foreach (var entry in Directory.EnumerateFileSystemEntries(data, "*", SearchOption.AllDirectories).Prepend(data))
        {
            var mode = File.GetUnixFileMode(entry);
            if ((mode & GroupOrOther) != 0)
            {
                open.Add($"{Convert.ToString((int)mode, 8)} {entry}");
            }
        }

        Assert.True(open.Count == 0, "readable by others:\n" + string.Join('\n', open));
    }
}
