using System.Net;
using System.Net.Sockets;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Support;

namespace Centrex.Switch.Tests.Tls;

/// <summary>
/// Calls over SIP over TLS (RFC 3261 §26.2.1) with real TLS connections on 127.0.0.1 and a certificate made by the
/// test: a phone's registration keeps its connection and its calls come back over it, the switch writes the TLS
/// transport in Via and Contact, a <c>sips:</c> Request-URI is never downgraded (RFC 5630), and a phone whose
/// connection is gone is reached over a new TLS connection only when its Contact asks for TLS.
/// </summary>
public class TlsCallTests
{
    private const string Alice = "16045550101";
    private const string Bob = "16045550102";

    [Fact]
    public async Task Tls_RegistrationKeepsItsConnection_AndTheCallComesBackOverIt_WithTlsInViaAndContact()
    {
        await using var fixture = new SwitchFixture(tls: true);
        var tls = fixture.Switch.TlsEndpoint!;
        using var bob = TlsPhone.Connect(tls, Bob, fixture.Certificate);
        using var alice = new TestPhone(fixture.Endpoint, Alice);
        Assert.Equal(200, bob.Register().StatusCode);

        Flows.Invite(alice, "102");
        var invite = bob.ReceiveRequest("INVITE"); // on the connection bob registered on: nothing listens anywhere else

        Assert.Equal($"sips:{Bob}@{bob.Local}", invite.Text(invite.RequestUri.Whole));
        Assert.StartsWith($"SIP/2.0/TLS {tls};branch=", invite.Text(invite.Find(SipHeaderKind.Via)), StringComparison.Ordinal);
        Assert.Equal($"<sips:centrex@{tls}>", invite.Text(invite.Find(SipHeaderKind.Contact)));

        bob.Send(bob.Response(invite, 200, "OK", "b1", Flows.Sdp));
        var ok = alice.ReceiveResponse(200);
        Assert.Equal($"<sip:centrex@{fixture.Endpoint}>", ok.Text(ok.Find(SipHeaderKind.Contact))); // alice is on UDP
        alice.Send(Flows.InDialog(alice, ok, "ACK", 2));
        bob.ReceiveRequest("ACK");
        alice.Send(Flows.InDialog(alice, ok, "BYE", 3));
        var bye = bob.ReceiveRequest("BYE");
        bob.Send(bob.Response(bye, 200, "OK", "b1"));
        alice.ReceiveResponse(200);
        Flows.Sync(alice, fixture.Switch);

        Assert.Equal(CallDisposition.Answered, fixture.Cdrs.Ends.Single().Disposition);
    }

    [Fact]
    public async Task Tls_CallerOnTls_GetsItsResponsesOnItsConnection_WithATlsContact()
    {
        await using var fixture = new SwitchFixture(tls: true);
        var tls = fixture.Switch.TlsEndpoint!;
        using var alice = TlsPhone.Connect(tls, Alice, fixture.Certificate);
        alice.ContactUri = $"sip:{Alice}@{alice.Local};transport=tls";
        using var bob = new TestPhone(fixture.Endpoint, Bob);
        Assert.Equal(200, Flows.Register(bob).StatusCode);

        alice.Invite($"sip:102@{SwitchFixture.Realm}", "tls-caller");
        var invite = bob.ReceiveRequest("INVITE").Message;
        Assert.StartsWith($"SIP/2.0/UDP {fixture.Endpoint};", invite.Text(invite.Find(SipHeaderKind.Via)), StringComparison.Ordinal);
        bob.Send(bob.Response(invite, 200, "OK", "b1", Flows.Sdp));
        var ok = alice.ReceiveResponse(200);

        Assert.Equal($"<sip:centrex@{tls};transport=tls>", ok.Text(ok.Find(SipHeaderKind.Contact)));
        Assert.StartsWith($"SIP/2.0/TLS {alice.Local};", ok.Text(ok.Find(SipHeaderKind.Via)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tls_SipsCallToAPhoneOnUdp_IsRefused480SipsNotAllowed_NotDowngraded()
    {
        await using var fixture = new SwitchFixture(tls: true);
        using var alice = TlsPhone.Connect(fixture.Switch.TlsEndpoint!, Alice, fixture.Certificate);
        using var bob = new TestPhone(fixture.Endpoint, Bob);
        Assert.Equal(200, Flows.Register(bob).StatusCode);

        alice.Invite($"sips:102@{SwitchFixture.Realm}", "sips-to-udp");
        var refused = alice.ReceiveFinal();
        Flows.Sync(bob, fixture.Switch);

        Assert.Equal(480, refused.StatusCode);
        Assert.Equal("380 centrex \"SIPS Not Allowed\"", refused.Text(refused.Find(SipHeaderKind.Warning)));
        Assert.DoesNotContain(bob.Drain(), m => m.IsRequest && m.Text(m.MethodName) == "INVITE");
    }

    [Fact]
    public async Task Tls_SipsCallToAPhoneOnTls_GoesThroughOverTls()
    {
        await using var fixture = new SwitchFixture(tls: true);
        var tls = fixture.Switch.TlsEndpoint!;
        using var alice = TlsPhone.Connect(tls, Alice, fixture.Certificate);
        using var bob = TlsPhone.Connect(tls, Bob, fixture.Certificate);
        Assert.Equal(200, bob.Register().StatusCode);

        alice.Invite($"sips:102@{SwitchFixture.Realm}", "sips-to-tls");
        var invite = bob.ReceiveRequest("INVITE");
        bob.Send(bob.Response(invite, 200, "OK", "b1", Flows.Sdp));
        var ok = alice.ReceiveResponse(200);

        Assert.Equal($"<sips:centrex@{tls}>", ok.Text(ok.Find(SipHeaderKind.Contact))); // §8.1.1.8: a SIPS dialog, a SIPS Contact
    }

    [Fact]
    public async Task Tls_SipsRequestUriOverUdp_IsRefusedStatelessly_BeforeAnyChallenge()
    {
        await using var fixture = new SwitchFixture(tls: true);
        using var alice = new TestPhone(fixture.Endpoint, Alice);

        alice.Send(alice.Request("INVITE", $"sips:102@{SwitchFixture.Realm}", "sips-over-udp", 1, "a1", body: Flows.Sdp));
        var refused = alice.ReceiveFinal();
        alice.Send(alice.Request("REGISTER", $"sips:{SwitchFixture.Realm}", "sips-register-over-udp", 1, "r1"));
        var register = alice.ReceiveFinal();

        Assert.Equal((480, "380 centrex \"SIPS Not Allowed\""), (refused.StatusCode, refused.Text(refused.Find(SipHeaderKind.Warning))));
        Assert.Equal(480, register.StatusCode);
        Assert.Equal(0, fixture.Switch.ServerTransactionCount);
    }

    [Fact]
    public async Task Tls_PhoneWhoseConnectionIsGone_IsCalledOverANewTlsConnectionToItsSipsContact()
    {
        await using var fixture = new SwitchFixture(tls: true);
        using var phoneCertificate = TestCertificates.SelfSigned("bob.phone.test");
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            using (var registering = TlsPhone.Connect(fixture.Switch.TlsEndpoint!, Bob, fixture.Certificate))
            {
                registering.ContactUri = $"sips:{Bob}@{listener.LocalEndpoint}";
                Assert.Equal(200, registering.Register().StatusCode);
            }

            WaitUntil(() => fixture.Switch.TcpConnections == 0); // the switch has seen the connection close
            using var alice = new TestPhone(fixture.Endpoint, Alice);
            var accept = TlsPhone.AcceptAsync(listener, phoneCertificate, Bob);
            Flows.Invite(alice, "102");
            using var bob = await accept;
            var invite = bob.ReceiveRequest("INVITE");

            Assert.Equal($"sips:{Bob}@{listener.LocalEndpoint}", invite.Text(invite.RequestUri.Whole));
            Assert.StartsWith($"SIP/2.0/TLS {fixture.Switch.TlsEndpoint};", invite.Text(invite.Find(SipHeaderKind.Via)), StringComparison.Ordinal);
            bob.Send(bob.Response(invite, 486, "Busy Here", "b1"));
            Assert.Equal(486, alice.ReceiveFinal().StatusCode);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task Tls_PhoneRegisteredOverTlsWithAPlainContact_IsNotCalledInTheClearOnceItsConnectionIsGone()
    {
        await using var fixture = new SwitchFixture(tls: true);
        using var plain = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using (var registering = TlsPhone.Connect(fixture.Switch.TlsEndpoint!, Bob, fixture.Certificate))
        {
            registering.ContactUri = $"sip:{Bob}@{plain.Client.LocalEndPoint}";
            Assert.Equal(200, registering.Register().StatusCode);
        }

        WaitUntil(() => fixture.Switch.TcpConnections == 0);
        using var alice = new TestPhone(fixture.Endpoint, Alice);
        Flows.Invite(alice, "102");
        var final = alice.ReceiveFinal();
        Flows.Sync(alice, fixture.Switch);

        Assert.Equal(480, final.StatusCode);
        Assert.Equal(0, plain.Available); // nothing was sent to the plain contact
    }

    /// <summary>Waits (bounded) for a state the switch reaches on its own threads.</summary>
    private static void WaitUntil(Func<bool> condition)
    {
        var spinner = default(SpinWait);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            spinner.SpinOnce();
        }
    }
}
