using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Centrex.Switch.Tests.Sipp;

/// <summary>
/// Runs Debian's sipp (sip-tester) against the switch on 127.0.0.1. Every run is one call (-m 1) with sipp's own
/// timeouts and a hard bound on the process, so a broken switch fails a test rather than hanging the suite.
/// </summary>
internal static class Sipp
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private static int _nextPort = Random.Shared.Next(12_000);
    private static int _nextRange = Random.Shared.Next(10_000);

    public static string Scenario(string name) => Path.Combine(AppContext.BaseDirectory, "Sipp", "Scenarios", name + ".xml");

    public static Process Start(string scenario, IPEndPoint target, int localPort, params string[] extra)
    {
        var info = new ProcessStartInfo("sipp") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in (string[])[$"{target.Address}:{target.Port}", "-sf", Scenario(scenario), "-m", "1", "-i", "127.0.0.1",
            "-p", localPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-nostdin", "-timeout", "30s", "-timeout_error",
            "-recv_timeout", "20000", .. MediaPort(extra), .. AuthUri(scenario, target, extra), .. extra])
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        process.StandardInput.Close();
        return process;
    }

    /// <summary>
    /// sipp binds RTP ports at start (6000 and up unless told), so sipps started at once by tests running in parallel
    /// would fight over them and one would exit: each gets its own free range with <c>-mp</c> unless the test gives one.
    /// </summary>
    private static string[] MediaPort(string[] extra) =>
        Array.IndexOf(extra, "-mp") >= 0 ? [] : ["-mp", FreeUdpRange(4).ToString(System.Globalization.CultureInfo.InvariantCulture)];

    /// <summary>
    /// sipp answers a challenge with <c>uri="sip:HOST:PORT"</c> unless told the Request-URI, and the switch requires the
    /// digest-uri to be the Request-URI (RFC 3261 §22.4): a caller scenario (<c>uac-*</c>, whose Request-URI is
    /// <c>sip:[service]@[remote_ip]:[remote_port]</c>) that authenticates gets it with <c>-auth_uri</c>; REGISTER's
    /// Request-URI is <c>sip:HOST:PORT</c> already.
    /// </summary>
    private static string[] AuthUri(string scenario, IPEndPoint target, string[] extra)
    {
        var service = Array.IndexOf(extra, "-s");
        return scenario.StartsWith("uac-", StringComparison.Ordinal) && service >= 0 && Array.IndexOf(extra, "-au") >= 0 && Array.IndexOf(extra, "-auth_uri") < 0
            ? ["-auth_uri", $"{extra[service + 1]}@{target.Address}:{target.Port}"] // sipp writes the "sip:"
            : [];
    }

    /// <summary>
    /// Starts a listening scenario (a callee, a gateway) on <paramref name="localPort"/> and returns once it is bound.
    /// A start that loses the port for a moment ("Unable to bind main socket", seen now and then with many sipps
    /// starting in parallel) is started again, a few times, before the test fails with sipp's output.
    /// </summary>
    public static Process Listen(string scenario, IPEndPoint target, int localPort, params string[] extra)
    {
        var tcp = Array.IndexOf(extra, "t1") >= 0;
        for (var attempt = 1; ; attempt++)
        {
            var process = Start(scenario, target, localPort, extra);
            try
            {
                WaitUntilBound(localPort, process, tcp);
                return process;
            }
            catch (InvalidOperationException) when (attempt < 5 && process.HasExited)
            {
                process.Dispose();
                Thread.Sleep(50 * attempt); // back off: the port is someone else's for a moment
            }
        }
    }

    /// <summary>Waits for the run to end (bounded) and returns its exit code and screen output.</summary>
    public static (int ExitCode, string Output) Finish(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Bound))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        return (process.HasExited ? process.ExitCode : -1, output.Result + error.Result);
    }

    public static (int ExitCode, string Output) Run(string scenario, IPEndPoint target, int localPort, params string[] extra)
    {
        using var process = Start(scenario, target, localPort, extra);
        return Finish(process);
    }

    /// <summary>
    /// A port nobody is using right now for UDP or TCP, for a sipp endpoint. It is drawn below the kernel's ephemeral
    /// range (32768 and up on Linux), so sockets other tests bind to port 0 can never take it between this check and
    /// sipp binding it.
    /// </summary>
    public static int FreeUdpPort()
    {
        while (true)
        {
            // Handed out in turn from a random start, so tests running in parallel in this process never draw the
            // same port (a random draw each time did, now and then: "Unable to bind main socket").
            var port = 20_000 + (int)((uint)Interlocked.Increment(ref _nextPort) % 12_000);
            try
            {
                using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
                var listener = new TcpListener(IPAddress.Loopback, port);

                // Without SO_REUSEADDR (.NET sets it on Unix): a port some socket still holds, a sipp TCP client's
                // connection or one in TIME_WAIT, is skipped here rather than refused to socat's listener later.
                listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, false);
                listener.Start();
                listener.Stop();
                return port;
            }
            catch (SocketException)
            {
                // in use: draw another
            }
        }
    }

    /// <summary>An even port starting <paramref name="count"/> consecutive UDP ports free just now, below the ephemeral range.</summary>
    public static int FreeUdpRange(int count)
    {
        while (true)
        {
            // In turn from a random start too, apart from FreeUdpPort's SIP ports.
            var start = 10_000 + (int)((uint)Interlocked.Add(ref _nextRange, 2 * count) % (10_000 - (2 * count)) & ~1);
            var held = new List<UdpClient>();
            try
            {
                for (var port = start; port < start + count; port++)
                {
                    held.Add(new UdpClient(new IPEndPoint(IPAddress.Loopback, port)));
                }

                return start;
            }
            catch (SocketException)
            {
                // part of it is in use: draw another
            }
            finally
            {
                held.ForEach(udp => udp.Dispose());
            }
        }
    }

    /// <summary>
    /// Waits until something listens on <paramref name="port"/> (sipp or socat has bound it), reading the kernel's
    /// socket tables. Probing by binding the port ourselves held it for an instant now and then just as socat bound
    /// it, and socat gave up with "Address already in use" (a TLS test failed one run in four).
    /// </summary>
    public static void WaitUntilBound(int port, Process owner, bool tcp = false)
    {
        var deadline = DateTime.UtcNow + Bound;
        var table = System.Net.NetworkInformation.IPGlobalProperties.GetIPGlobalProperties();
        while (DateTime.UtcNow < deadline && !owner.HasExited)
        {
            var bound = tcp ? table.GetActiveTcpListeners() : table.GetActiveUdpListeners();
            if (bound.Any(e => e.Port == port && (IPAddress.IsLoopback(e.Address) || e.Address.Equals(IPAddress.Any))))
            {
                return;
            }

            Thread.Sleep(5); // a table read is a file read: not in a tight loop
        }

        throw new InvalidOperationException($"sipp never bound port {port}" + (owner.HasExited ? ": " + Finish(owner).Output : ""));
    }
}
