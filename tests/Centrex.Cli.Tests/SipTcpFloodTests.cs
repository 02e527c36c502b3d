using System.Net;
using System.Net.Sockets;
using System.Text;
using Centrex.Switch.Tests.Sipp;

namespace Centrex.Cli.Tests;

/// <summary>
/// Issue 13, item 3, against the real <c>centrex serve</c>: connections that send nothing used to be kept for ever
/// until the process ran out of descriptors (about 20,000 here) and died. A bounded flood of idle TCP connections from
/// one address now holds at most its per-address share, is closed after the first-message timeout, and meanwhile a
/// REGISTER and a call over UDP complete, TCP from another address is answered, and the HTTP API answers.
/// </summary>
public sealed class SipTcpFloodTests : IDisposable
{
    private const int Flood = 1_000;
    private const int PerAddress = 100;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task IdleTcpFlood_IsCappedAndTimedOut_WhileUdpSipAndHttpKeepServing()
    {
        var data = _folder.File("data");
        var gatewayPort = Sipp.FreeUdpPort();
        var provisioning = SwitchProvisioning.Json(trunkSources: "\"127.0.0.1:9\"", trunkAddress: $"127.0.0.1:{gatewayPort}");
        Assert.Equal(0, CliRun.Invoke("provision", "import", "--data", data, _folder.Write("switch.json", provisioning)).ExitCode);
        var tariff = _folder.Write("tariff.csv", "prefix,destination,rate,connect_fee,first_increment,next_increment\n1,North America,0.0600,0,60,60\n");
        using var serve = await CentrexProcess.ServeAsync(data, tariff, null, "--sip", "127.0.0.1:0", "--media", "Direct",
            "--sip-tcp-max-connections", "300", "--sip-tcp-max-per-address", PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--sip-tcp-first-message-timeout", "3");
        var switchAddress = IPEndPoint.Parse((await serve.OutputLineAsync("sip tcp "))["sip tcp ".Length..]);
        var before = OpenSockets(serve.Id);

        var flood = new List<Socket>(Flood);
        try
        {
            var refused = 0;
            for (var i = 0; i < Flood; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                flood.Add(socket);
                try
                {
                    await socket.ConnectAsync(switchAddress);
                }
                catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionRefused or SocketError.ConnectionReset)
                {
                    refused++; // the listen queue was full for a moment, or the reset came first: refused either way
                }
            }

            Assert.InRange(refused, 0, Flood - PerAddress);

            // The service holds at most its per-address share of them (the rest were reset as they were accepted).
            Assert.InRange(OpenSockets(serve.Id) - before, 0, PerAddress + 5);

            // UDP SIP: a REGISTER and a call out through the trunk complete while the flood is connected.
            var register = Sipp.Run("register", switchAddress, Sipp.FreeUdpPort(), "-s", "alice", "-au", "alice", "-ap", SwitchProvisioning.Password);
            Assert.True(register.ExitCode == 0, "register: " + register.Output + serve.Error);
            using (var gateway = Sipp.Listen("uas-answer", switchAddress, gatewayPort))
            {
                var caller = Sipp.Run("uac-call-hold", switchAddress, Sipp.FreeUdpPort(),
                    "-s", "2125551234", "-au", "alice", "-ap", SwitchProvisioning.Password, "-d", "100");
                Assert.True(caller.ExitCode == 0, "caller: " + caller.Output + serve.Error);
                Assert.True(Sipp.Finish(gateway).ExitCode == 0, "gateway");
            }

            // TCP from another address is still answered, and so is the HTTP API.
            Assert.StartsWith("SIP/2.0 401 ", await RegisterOverTcpAsync(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0), switchAddress), StringComparison.Ordinal);
            using var http = new HttpClient();
            Assert.Equal(0, await IngestionSample.BalanceAsync(http, serve.BaseAddress, SwitchProvisioning.Prepaid));

            // After the first-message timeout every flood connection is closed by the service.
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30)); // a bound, not a timing check
            foreach (var socket in flood.Where(s => s.Connected))
            {
                Assert.Equal(0, await ReceiveOrResetAsync(socket, patience.Token));
            }

            Assert.InRange(OpenSockets(serve.Id) - before, int.MinValue, 5);
            Assert.False(serve.HasExited);
        }
        finally
        {
            flood.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public async Task UnderA1024DescriptorLimit_TheDefaultCapsAreRefused_AndFittingCapsSurviveAFloodFromManyAddresses()
    {
        // The review's attack: under prlimit --nofile=1024 with the default caps (4,096 TCP connections), a flood ran the
        // process out of descriptors and it died. Now serve checks its caps against the limit at start.
        var data = _folder.File("data");
        var provisioning = SwitchProvisioning.Json(trunkSources: "\"127.0.0.1:9\"", trunkAddress: "127.0.0.1:9");
        Assert.Equal(0, CliRun.Invoke("provision", "import", "--data", data, _folder.Write("switch.json", provisioning)).ExitCode);
        var tariff = _folder.Write("tariff.csv", "prefix,destination,rate,connect_fee,first_increment,next_increment\n1,North America,0.0600,0,60,60\n");
        string[] limited = ["prlimit", "--nofile=1024", "--"];

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => CentrexProcess.ServeWrappedAsync(limited, data, tariff, "--sip", "127.0.0.1:0"));
        Assert.Contains("--sip-tcp-max-connections (4096)", refused.Message, StringComparison.Ordinal);

        using var serve = await CentrexProcess.ServeWrappedAsync(limited, data, tariff, "--sip", "127.0.0.1:0", "--media", "Direct",
            "--sip-tcp-max-connections", "400", "--max-http-connections", "100", "--sip-tcp-first-message-timeout", "3");
        var switchAddress = IPEndPoint.Parse((await serve.OutputLineAsync("sip tcp "))["sip tcp ".Length..]);
        var flood = new List<Socket>();
        try
        {
            for (var source = 1; source <= 5; source++) // five addresses, 300 each: past the per-address and the total caps
            {
                for (var i = 0; i < 300; i++)
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    flood.Add(socket);
                    socket.Bind(new IPEndPoint(IPAddress.Parse($"127.0.0.{source}"), 0));
                    try
                    {
                        await socket.ConnectAsync(switchAddress);
                    }
                    catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionRefused or SocketError.ConnectionReset)
                    {
                        // refused as the listen queue filled: a refusal too
                    }
                }
            }

            Assert.StartsWith("SIP/2.0 401 ", await RegisterOverUdpAsync(switchAddress), StringComparison.Ordinal);
            Assert.InRange(OpenSockets(serve.Id), 0, 400 + DescriptorReserve);
            Assert.False(serve.HasExited, serve.Error);
        }
        finally
        {
            flood.ForEach(s => s.Dispose());
        }
    }

    private const int DescriptorReserve = 512;

    /// <summary>A REGISTER without credentials over UDP; the answer's text.</summary>
    private static async Task<string> RegisterOverUdpAsync(IPEndPoint server)
    {
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var from = (IPEndPoint)client.Client.LocalEndPoint!;
        var register = $"REGISTER sip:{server} SIP/2.0\r\nVia: SIP/2.0/UDP {from};branch=z9hG4bKfloodudp;rport\r\nMax-Forwards: 70\r\n" +
            $"From: <sip:alice@{SwitchProvisioning.Realm}>;tag=u1\r\nTo: <sip:alice@{SwitchProvisioning.Realm}>\r\nCall-ID: flood-udp\r\n" +
            $"CSeq: 1 REGISTER\r\nContact: <sip:alice@{from}>\r\nContent-Length: 0\r\n\r\n";
        await client.SendAsync(Encoding.ASCII.GetBytes(register), server);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return Encoding.ASCII.GetString((await client.ReceiveAsync(patience.Token)).Buffer);
    }

    /// <summary>A REGISTER without credentials over a new TCP connection from <paramref name="local"/>; the answer's text.</summary>
    private static async Task<string> RegisterOverTcpAsync(IPEndPoint local, IPEndPoint server)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(local);
        await socket.ConnectAsync(server);
        var from = (IPEndPoint)socket.LocalEndPoint!;
        var register = $"REGISTER sip:{server} SIP/2.0\r\nVia: SIP/2.0/TCP {from};branch=z9hG4bKflood1\r\nMax-Forwards: 70\r\n" +
            $"From: <sip:alice@{SwitchProvisioning.Realm}>;tag=f1\r\nTo: <sip:alice@{SwitchProvisioning.Realm}>\r\nCall-ID: flood-register\r\n" +
            $"CSeq: 1 REGISTER\r\nContact: <sip:alice@{from};transport=tcp>\r\nContent-Length: 0\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(register));
        var buffer = new byte[4096];
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var n = await socket.ReceiveAsync(buffer, SocketFlags.None, patience.Token);
        return Encoding.ASCII.GetString(buffer, 0, n);
    }

    /// <summary>Waits until the peer closes or resets the connection; 0 either way.</summary>
    private static async Task<int> ReceiveOrResetAsync(Socket socket, CancellationToken cancel)
    {
        try
        {
            return await socket.ReceiveAsync(new byte[16], SocketFlags.None, cancel);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            return 0;
        }
    }

    /// <summary>The sockets a process holds (its descriptors that are sockets).</summary>
    private static int OpenSockets(int pid) =>
        new DirectoryInfo($"/proc/{pid}/fd").EnumerateFileSystemInfos().Count(fd => fd.LinkTarget?.StartsWith("socket:", StringComparison.Ordinal) == true);
}
