using System.Net;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Tests.Support;

namespace Centrex.Switch.Tests.Sipp;

/// <summary>
/// SIP over TLS against real, independent peers: sipp for SIP and socat (OpenSSL) for TLS (<see cref="SocatTls"/>:
/// Debian's sipp has no TLS of its own). The switch's certificate and each phone's are made by the test; the phones'
/// TLS verifies the switch's against the one made. A phone registers over TLS and keeps its connection, and a call over
/// TLS reaches it there; a call over TLS reaches a callee on UDP; and a callee whose TLS connection is gone is called
/// over a new TLS connection to its <c>sips:</c> contact.
/// </summary>
[Collection(RepliesToPort5060.Name)]
public sealed class SippTlsTests : IDisposable
{
    private const string Caller = "16045550101";
    private const string Callee = "16045550102";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Sipp_RegistersOverTls_KeepsItsConnection_AndACallOverTlsReachesItThere()
    {
        await using var fixture = NewSwitch();
        var (trusted, phone) = Certificates(fixture);
        var calleeTunnelPort = Sipp.FreeUdpPort();
        using var calleeTunnel = SocatTls.Client(calleeTunnelPort, fixture.Switch.TlsEndpoint!, trusted, phone);
        using var callee = Sipp.Start("register-tls-and-wait", Loopback(calleeTunnelPort), Sipp.FreeUdpPort(),
            "-t", "t1", "-s", Callee, "-au", Callee, "-ap", SwitchFixture.Password, "-oocsf", Sipp.Scenario("uas-answer-tls"));
        WaitUntil(() => fixture.Switch.Lookup(Callee) is not null || callee.HasExited);

        var caller = Call(fixture, trusted, phone);
        var calleeResult = Sipp.Finish(callee);

        Assert.True(caller.ExitCode == 0, "caller: " + caller.Output);
        Assert.True(calleeResult.ExitCode == 97, "callee (97: stopped by its answering scenario once the call was done): " + calleeResult.Output);
        Assert.Equal(CallDisposition.Answered, fixture.Cdrs.Ends.Single().Disposition);
    }

    [Fact]
    public async Task Sipp_CallOverTls_ToACalleeOnUdp_IsAnsweredAndHungUp()
    {
        await using var fixture = NewSwitch();
        var (trusted, phone) = Certificates(fixture);
        var calleePort = Sipp.FreeUdpPort();
        var registered = Sipp.Run("register", fixture.Endpoint, calleePort, "-s", Callee, "-au", Callee, "-ap", SwitchFixture.Password);
        Assert.True(registered.ExitCode == 0, registered.Output);
        using var callee = Sipp.Listen("uas-answer", fixture.Endpoint, calleePort);

        var caller = Call(fixture, trusted, phone);
        var calleeResult = Sipp.Finish(callee);

        Assert.True(caller.ExitCode == 0, "caller: " + caller.Output);
        Assert.True(calleeResult.ExitCode == 0, "callee: " + calleeResult.Output);
        Assert.Equal(CallDisposition.Answered, fixture.Cdrs.Ends.Single().Disposition);
    }

    [Fact]
    public async Task Sipp_CalleeWhoseTlsConnectionIsGone_IsCalledOverANewTlsConnectionToItsSipsContact()
    {
        await using var fixture = NewSwitch();
        var (trusted, phone) = Certificates(fixture);
        var contactPort = Sipp.FreeUdpPort(); // the callee's TLS side: socat, which hands the connection to sipp
        var calleePort = Sipp.FreeUdpPort();
        var registerTunnelPort = Sipp.FreeUdpPort();
        using (var registerTunnel = SocatTls.Client(registerTunnelPort, fixture.Switch.TlsEndpoint!, trusted, phone))
        {
            var registered = Sipp.Run("register-tls", Loopback(registerTunnelPort), Sipp.FreeUdpPort(),
                "-t", "t1", "-s", Callee, "-au", Callee, "-ap", SwitchFixture.Password, "-key", "contact", $"sips:{Callee}@127.0.0.1:{contactPort}");
            Assert.True(registered.ExitCode == 0, registered.Output + SocatTls.Finish(registerTunnel));
        }

        WaitUntil(() => fixture.Switch.TcpConnections == 0); // the registering connection is gone, and the switch knows
        using var callee = Sipp.Listen("uas-answer", fixture.Endpoint, calleePort, "-t", "t1");
        using var calleeTls = SocatTls.Server(contactPort, calleePort, phone);

        var caller = Call(fixture, trusted, phone);
        var calleeResult = Sipp.Finish(callee);

        Assert.True(caller.ExitCode == 0, "caller: " + caller.Output);
        Assert.True(calleeResult.ExitCode == 0, "callee: " + calleeResult.Output + SocatTls.Finish(calleeTls));
        Assert.Equal(CallDisposition.Answered, fixture.Cdrs.Ends.Single().Disposition);
    }

    // sipp answers only the first digest challenge header, and only MD5, so these switches offer MD5 first.
    private static SwitchFixture NewSwitch() => new(algorithms: "\"MD5\", \"SHA-256\"", realTime: true, tls: true);

    /// <summary>The switch's certificate as the phones' trust file, and a certificate of the phones' own (PEM files).</summary>
    private (string Trusted, (string Certificate, string Key) Phone) Certificates(SwitchFixture fixture)
    {
        var trusted = _folder.File("switch.crt");
        File.WriteAllText(trusted, fixture.Certificate.ExportCertificatePem());
        using var phone = TestCertificates.SelfSigned("phone.test");
        return (trusted, TestCertificates.WritePem(phone, _folder.Path, "phone"));
    }

    /// <summary>The caller's side: sipp places an authenticated call to extension 102 over its own TLS tunnel.</summary>
    private static (int ExitCode, string Output) Call(SwitchFixture fixture, string trusted, (string Certificate, string Key) phone)
    {
        var tunnelPort = Sipp.FreeUdpPort();
        using var tunnel = SocatTls.Client(tunnelPort, fixture.Switch.TlsEndpoint!, trusted, phone);
        var caller = Sipp.Run("uac-call-tls", Loopback(tunnelPort), Sipp.FreeUdpPort(), "-t", "t1", "-s", "102", "-au", Caller, "-ap", SwitchFixture.Password);
        return caller.ExitCode == 0 ? caller : (caller.ExitCode, caller.Output + "\nsocat: " + SocatTls.Finish(tunnel));
    }

    private static IPEndPoint Loopback(int port) => new(IPAddress.Loopback, port);

    /// <summary>Waits (bounded) for a state the switch or a peer reaches on its own.</summary>
    private static void WaitUntil(Func<bool> condition)
    {
        var spinner = default(SpinWait);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            spinner.SpinOnce();
        }
    }
}
