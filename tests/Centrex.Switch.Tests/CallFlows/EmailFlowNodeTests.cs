using Centrex.Invoicing.Tests.Support;
using Centrex.Switch.Calls;
using Centrex.Switch.CallFlows;
using Centrex.Switch.CallFlows.Async;
using Centrex.Switch.Tests.Support;
using NodaTime;
using Steps = Centrex.Switch.Tests.Support.Flows;

namespace Centrex.Switch.Tests.CallFlows;

/// <summary>
/// Seed 003's email notification "if the phone call is not answered", against a real SMTP server (Debian's aiosmtpd on
/// loopback): bob does not answer in his 5 s (manual clock), the mail goes out with the call's details and the flow
/// rings carol at once, without waiting for it; with no SMTP server configured the flow goes on just the same.
/// </summary>
public sealed class EmailFlowNodeTests
{
    private const string Alice = "16045550101";
    private const string Bob = "16045550102";
    private const string Carol = "16045550103";

    private static void RunMissedCall(SwitchFixture fixture)
    {
        var flow = new FlowDefinition("missed", "acme", ["102"], [
            FeatureDirectory.Node("in", "my-numbers", branches: "next=bob"),
            FeatureDirectory.Node("bob", "call-to-sip", "extension=102;ring_for=5", "no-answer=mail"),
            FeatureDirectory.Node("mail", "email-notification", "to=boss@acme.example;subject=Missed call from {caller} to {called}", "next=carol"),
            FeatureDirectory.Node("carol", "call-to-sip", "extension=103")]);
        fixture.Live.Replace(new FeatureDirectory(fixture.Directory, "acme", DateTimeZone.Utc, flows: [flow]));
        using var alice = new TestPhone(fixture.Endpoint, Alice);
        using var bob = new TestPhone(fixture.Endpoint, Bob);
        using var carol = new TestPhone(fixture.Endpoint, Carol);
        Steps.Register(bob);
        Steps.Register(carol);

        Steps.Invite(alice, "102");
        var bobInvite = bob.ReceiveRequest("INVITE").Message;
        bob.Send(bob.Response(bobInvite, 180, "Ringing", "b1"));
        alice.ReceiveResponse(180);
        Steps.Sync(bob, fixture.Switch);
        fixture.Clock.Advance(Duration.FromSeconds(5)); // bob's ring time: no answer
        var cancel = bob.ReceiveRequest("CANCEL").Message;
        bob.Send(bob.Response(cancel, 200, "OK", "b1"));
        bob.Send(bob.Response(bobInvite, 487, "Request Terminated", "b1"));

        var carolInvite = carol.ReceiveRequest("INVITE").Message; // at once: the flow does not wait for the mail
        carol.Send(carol.Response(carolInvite, 486, "Busy Here", "c1"));
        alice.ReceiveResponse(486);
    }

    [Fact]
    public async Task AMissedCall_SendsTheMailWithTheCallsDetails_AndTheFlowGoesOnAtOnce()
    {
        using var smtp = new SmtpSink();
        var mailer = new SmtpFlowMailer("127.0.0.1", smtp.Port, "switch@centrex.test");
        await using var fixture = new SwitchFixture(partitions: 1, options: new SwitchOptions { Flows = new FlowServices { Mail = mailer } });

        RunMissedCall(fixture);

        var patience = System.Diagnostics.Stopwatch.StartNew();
        while (smtp.Messages().Count == 0)
        {
            Assert.True(patience.Elapsed < TimeSpan.FromSeconds(20), "no mail reached the SMTP server");
            Thread.Sleep(20);
        }

        var mail = Assert.Single(smtp.Messages());
        Assert.Equal("Missed call from 16045550101 to 102", mail.Subject);
        Assert.Equal("boss@acme.example", mail.To.Mailboxes.Single().Address);
        Assert.Equal("switch@centrex.test", mail.From.Mailboxes.Single().Address);
        Assert.Contains("Caller: 16045550101", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Time: 2026-11-22T09:00:05Z", mail.TextBody, StringComparison.Ordinal);

        // The server has the mail before MailKit's send returns and its result comes back through the partition's ring:
        // wait for that (a loaded host was seen between the two), then nothing is left in flight.
        while (fixture.Switch.FlowWorkInFlight != 0)
        {
            Assert.True(patience.Elapsed < TimeSpan.FromSeconds(20), "the mail's work never came back to the partition");
            Thread.Sleep(20);
        }
    }

    [Fact]
    public async Task NoSmtpServerConfigured_TheFlowStillGoesOn()
    {
        await using var fixture = new SwitchFixture(partitions: 1);

        RunMissedCall(fixture); // carol still rings: the mail's failure is only logged
    }
}
