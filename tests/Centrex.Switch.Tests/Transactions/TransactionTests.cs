using System.Text;
using Centrex.Switch.Tests.Sip;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Transactions;

[Collection(RepliesToPort5060.Name)]
public class TransactionTests
{
    private static readonly Duration WellPastEveryTimer = Duration.FromMinutes(2);

    [Fact]
    public async Task RetransmittedInvite_IsAbsorbedAndAnsweredWithTheLastProvisional()
    {
        await using var fixture = new SwitchFixture();
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        using var bob = new TestPhone(fixture.Endpoint, "16045550102");
        Flows.Register(bob);
        var (_, _, _, invite) = Flows.Invite(alice, "102");
        var (received, _) = bob.ReceiveRequest("INVITE");
        bob.Send(bob.Response(received, 180, "Ringing", "b1"));
        alice.ReceiveResponse(180);

        alice.Send(invite); // the same branch: a retransmission (§17.2.1)

        Assert.Equal(180, alice.ReceiveResponse(180).StatusCode);
        bob.Send(bob.Response(received, 486, "Busy Here", "b1"));
        Assert.Equal(486, alice.ReceiveResponse(486).StatusCode);
        Flows.Sync(bob, fixture.Switch);
        Assert.Single(fixture.Cdrs.Ends);
    }

    [Fact]
    public async Task FinalResponseWithoutAck_IsRetransmittedByTimerG_ThenTimerHEndsTheTransaction()
    {
        await using var fixture = new SwitchFixture();
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        Flows.Invite(alice, "103");
        Assert.Equal(480, alice.ReceiveFinal().StatusCode);

        fixture.Clock.Advance(Duration.FromMilliseconds(500));
        Assert.Equal(480, alice.ReceiveFinal().StatusCode); // Timer G fired once
        fixture.Clock.Advance(Duration.FromSeconds(1));
        Assert.Equal(480, alice.ReceiveFinal().StatusCode); // and again after 2*T1

        fixture.Clock.Advance(WellPastEveryTimer);
        Assert.Equal(0, fixture.Switch.ServerTransactionCount);
    }

    [Fact]
    public async Task CalleeThatNeverAnswers_GetsRetransmissions_ThenCallerGets408()
    {
        await using var fixture = new SwitchFixture();
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        using var bob = new TestPhone(fixture.Endpoint, "16045550102");
        var first = Flows.CallBob(alice, bob);

        fixture.Clock.Advance(Duration.FromMilliseconds(500)); // Timer A
        var (again, _) = bob.ReceiveRequest("INVITE");
        Assert.Equal(first.Text(first.TopVia.Branch), again.Text(again.TopVia.Branch));

        fixture.Clock.Advance(Duration.FromSeconds(32)); // Timer B = 64*T1
        Assert.Equal(408, alice.ReceiveFinal().StatusCode);
        fixture.Clock.Advance(WellPastEveryTimer);
        Assert.Equal(0, fixture.Switch.ClientTransactionCount);
        Assert.Equal(0, fixture.Switch.ActiveCalls);
    }

    [Fact]
    public async Task MalformedMessages_AreAnswered400WithReason_LeakNothing_AndCallsStillWork()
    {
        await using var fixture = new SwitchFixture();
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        using var bob = new TestPhone(fixture.Endpoint, "16045550102");
        foreach (var row in TortureCorpus.Invalid)
        {
            alice.SendBytes(TortureCorpus.Read((string)row[0]));
        }

        var random = new Random(4475);
        for (var i = 0; i < 200; i++)
        {
            var junk = new byte[random.Next(1, 1500)];
            random.NextBytes(junk);
            alice.SendBytes(junk);
            if (i % 50 == 49)
            {
                Flows.Sync(alice, fixture.Switch); // keep the burst within the socket buffers: this test is about content, not load
            }
        }

        alice.SendBytes(Encoding.ASCII.GetBytes(SampleMessages.Invite.Replace("CSeq: 314159 INVITE", "CSeq: 314159 BYE")));
        var mismatch = alice.Receive(m => !m.IsRequest && m.Text(m.CallId) == "a84b4c76e66710@pc33.example.com").Message;
        Assert.Equal(400, mismatch.StatusCode);
        Assert.Equal("CSeq method does not match request method", mismatch.Text(mismatch.ReasonPhrase));

        Flows.Sync(alice, fixture.Switch);
        Assert.True(fixture.Switch.MalformedMessages >= 200);
        fixture.Clock.Advance(WellPastEveryTimer);
        Assert.Equal(0, fixture.Switch.ServerTransactionCount);
        Assert.Equal(0, fixture.Switch.ClientTransactionCount);

        var invite = Flows.CallBob(alice, bob);
        bob.Send(bob.Response(invite, 200, "OK", "b1", Flows.Sdp));
        Assert.Equal(200, alice.ReceiveResponse(200).StatusCode);
    }

    [Fact]
    public async Task EveryTortureMessage_SentToTheSwitch_LeavesItServing()
    {
        await using var fixture = new SwitchFixture();
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        foreach (var file in System.IO.Directory.EnumerateFiles(TortureCorpus.Directory, "*", SearchOption.AllDirectories))
        {
            if (!file.EndsWith(".md", StringComparison.Ordinal))
            {
                alice.SendBytes(File.ReadAllBytes(file));
            }
        }

        Flows.Sync(alice, fixture.Switch);
        fixture.Clock.Advance(WellPastEveryTimer);
        Assert.Equal(0, fixture.Switch.ServerTransactionCount);
        Assert.Equal(0, fixture.Switch.ActiveCalls);
        Assert.Equal(200, Flows.Register(alice).StatusCode);
    }
}
