using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Centrex.Switch.Tests.Sipp;

/// <summary>
/// socat (OpenSSL) as the TLS layer of a sipp phone. Debian's sipp is built without OpenSSL (<c>sipp -t l1</c> answers
/// "To use a TLS transport you must compile SIPp with OpenSSL"), so sipp speaks SIP over TCP (<c>-t t1</c>) to socat on
/// loopback, and socat speaks TLS to the switch: as a client that verifies the switch's certificate against the one
/// the test made and presents its own, or as a server that accepts the switch's TLS connection to a phone's
/// <c>sips:</c> contact and hands it to a sipp callee. One connection each (no fork): socat exits when it closes.
/// </summary>
internal static class SocatTls
{
    /// <summary>
    /// Listens on 127.0.0.1:<paramref name="localPort"/> for sipp's TCP connection and carries it over TLS to
    /// <paramref name="target"/>, trusting only <paramref name="trusted"/> (a PEM certificate file) and refusing
    /// anything below TLS 1.2. Returns once it listens.
    /// </summary>
    public static Process Client(int localPort, IPEndPoint target, string trusted, (string Certificate, string Key) own) =>
        Start(localPort,
            $"TCP-LISTEN:{localPort},bind=127.0.0.1,reuseaddr",
            $"OPENSSL:{target.Address}:{target.Port},cafile={trusted},cert={own.Certificate},key={own.Key},commonname=centrex.test,openssl-min-proto-version=TLS1.2");

    /// <summary>
    /// Listens on 127.0.0.1:<paramref name="localPort"/> for one TLS connection (the switch calling a phone's
    /// <c>sips:</c> contact), presenting <paramref name="own"/>, and carries it to a sipp on 127.0.0.1:<paramref name="sippPort"/>.
    /// </summary>
    public static Process Server(int localPort, int sippPort, (string Certificate, string Key) own) =>
        Start(localPort,
            $"OPENSSL-LISTEN:{localPort},bind=127.0.0.1,reuseaddr,cert={own.Certificate},key={own.Key},verify=0",
            $"TCP:127.0.0.1:{sippPort.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Stops <paramref name="socat"/> if it is still running and returns what it wrote (its errors).</summary>
    public static string Finish(Process socat)
    {
        if (!socat.WaitForExit(TimeSpan.FromSeconds(5)))
        {
            socat.Kill();
            socat.WaitForExit();
        }

        return socat.StandardError.ReadToEnd();
    }

    private static Process Start(int localPort, string first, string second)
    {
        var info = new ProcessStartInfo("socat") { RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add(first);
        info.ArgumentList.Add(second);
        var process = Process.Start(info)!;
        Sipp.WaitUntilBound(localPort, process, tcp: true);
        return process;
    }
}
