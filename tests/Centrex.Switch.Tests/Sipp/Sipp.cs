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

    public static string Scenario(string name) => Path.Combine(AppContext.BaseDirectory, "Sipp", "Scenarios", name + ".xml");

    public static Process Start(string scenario, IPEndPoint target, int localPort, params string[] extra)
    {
        var info = new ProcessStartInfo("sipp") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in (string[])[$"{target.Address}:{target.Port}", "-sf", Scenario(scenario), "-m", "1", "-i", "127.0.0.1",
            "-p", localPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-nostdin", "-timeout", "30s", "-timeout_error",
            "-recv_timeout", "20000", .. AuthUri(scenario, target, extra), .. extra])
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        process.StandardInput.Close();
        return process;
    }

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
            var port = Random.Shared.Next(20_000, 32_000);
            try
            {
                using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
                var listener = new TcpListener(IPAddress.Loopback, port);
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

    /// <summary>Waits until something listens on <paramref name="port"/> (sipp has bound it), checking by trying to bind it.</summary>
    public static void WaitUntilBound(int port, Process owner, bool tcp = false)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (DateTime.UtcNow < deadline && !owner.HasExited)
        {
            try
            {
                if (tcp)
                {
                    var listener = new TcpListener(IPAddress.Loopback, port);
                    listener.Start();
                    listener.Stop();
                }
                else
                {
                    using var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
                }
            }
            catch (SocketException)
            {
                return; // in use: sipp is listening
            }

            Thread.Yield();
        }

        throw new InvalidOperationException($"sipp never bound port {port}");
    }
}
