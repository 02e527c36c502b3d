using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Support;

namespace Centrex.Switch.Tests.Sipp;

/// <summary>
/// Issue 14: an emergency call is never dropped before its number is looked at. An office's phones share one address
/// behind its NAT; here a phone at 127.0.0.1 gets the address blocked with wrong passwords (or rate-limited with a burst
/// of requests), so the switch drops everything else from 127.0.0.1, and another phone there (sipp) dials 911: it is
/// answered by the emergency trunk's sipp, and hangs up, through the block. From a blocked address the INVITE is placed
/// without any challenge (its credentials are never looked at, so 911 is no password oracle); from a rate-limited one it
/// is challenged and authenticated as any call. The in-dialog requests of the address's other calls do not use up the
/// emergency budget, and the CANCEL of its 911 call gets through.
/// </summary>
public sealed class SippEmergencyFromABlockedAddressTests : IDisposable
{
    private const string Uri = "sip:centrex.test";
    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(2));

    public void Dispose() => _guard.Dispose();

    [Theory]
    [InlineData("blocked")]
    [InlineData("rate-limited")]
    public async Task AnotherPhoneAtTheSameAddress_Dials911_TheEmergencyTrunkAnswers(string how)
    {
        await using var site = new SharedAddressSwitch(_guard.Token);
        if (how == "blocked")
        {
            site.Block();
        }
        else
        {
            site.RateLimit();
        }

        Assert.False(site.Answered()); // 127.0.0.1 gets nothing through now
        using var psap = Sipp.Listen("uas-answer", site.Endpoint, site.EmergencyPort);
        using var caller = how == "blocked"
            ? Sipp.Start("uac-911-unchecked", site.Endpoint, Sipp.FreeUdpPort(), "-s", "911") // a 407 would fail it
            : Sipp.Start("uac-call-until-bye", site.Endpoint, Sipp.FreeUdpPort(), "-s", "911", "-au", SippEmergencyTests.Line, "-ap", SwitchFixture.Password);
        SippCall.WaitUntilConfirmed(site.Fixture.Switch, caller, psap, "psap", _guard.Token);

        Assert.False(site.Answered()); // the call went through, the address is still held back
        await site.Fixture.Switch.DisposeAsync(); // ends the call with BYE both ways
        Assert.True(Sipp.Finish(caller).ExitCode == 0, "caller");
        Assert.True(Sipp.Finish(psap).ExitCode == 0, "psap");
    }

    /// <summary>
    /// Forty phones behind a blocked NAT keep their calls going: their in-dialog requests (here 60 BYEs with tags of
    /// this switch's dialogs, answered 481) take from the budget of a blocked source's calls, not from the emergency
    /// budget (a burst of 30), so the next 911 INVITE still goes out. Before, they used it up and the INVITE was dropped.
    /// </summary>
    [Fact]
    public async Task InDialogRequestsOfOtherCalls_FromTheBlockedAddress_DoNotUseUpThe911Budget()
    {
        await using var site = new SharedAddressSwitch(_guard.Token);
        var neighbour = site.Phone;
        site.Block();

        var sent = 2 * new Centrex.Switch.Partitions.EmergencyRateLimits().Burst;
        for (var i = 0; i < sent; i++)
        {
            var tag = "c00" + Guid.NewGuid().ToString("N")[..8]; // a tag of partition 0's form: a dialog of this switch
            neighbour.Send(neighbour.Request("BYE", Uri, Guid.NewGuid().ToString("N"), 2, "b", $"<{Uri}>;tag={tag}"));
        }

        Flows.Sync(site.Probe, site.Fixture.Switch);
        Assert.Equal(sent, neighbour.Drain().Count(m => !m.IsRequest && m.StatusCode == 481)); // they reached their partition

        using var psap = Sipp.Listen("uas-answer", site.Endpoint, site.EmergencyPort);
        using var caller = Sipp.Start("uac-911-unchecked", site.Endpoint, Sipp.FreeUdpPort(), "-s", "911");
        SippCall.WaitUntilConfirmed(site.Fixture.Switch, caller, psap, "psap", _guard.Token);
        await site.Fixture.Switch.DisposeAsync();
        Assert.True(Sipp.Finish(caller).ExitCode == 0, "caller");
        Assert.True(Sipp.Finish(psap).ExitCode == 0, "psap");
    }

    /// <summary>
    /// A caller at a blocked address hangs up its 911 call while the emergency trunk rings: the CANCEL (no To tag) is
    /// known by its Request-URI as the emergency call's and gets through; before, it was dropped with the source's
    /// other requests and the PSAP rang on.
    /// </summary>
    [Fact]
    public async Task CancelOf911_FromTheBlockedAddress_GetsThrough()
    {
        await using var site = new SharedAddressSwitch(_guard.Token);
        site.Block();

        using var psap = Sipp.Listen("uas-ring", site.Endpoint, site.EmergencyPort);
        var caller = Sipp.Run("uac-911-unchecked-cancel", site.Endpoint, Sipp.FreeUdpPort(), "-s", "911");
        Assert.True(caller.ExitCode == 0, "caller: " + caller.Output);
        var ringing = Sipp.Finish(psap);
        Assert.True(ringing.ExitCode == 0, "psap: " + ringing.Output); // it got the CANCEL, answered 487, got the ACK
    }

    /// <summary>
    /// Issue 14 with no password oracle: the line registered from this very address and port, then the address was
    /// blocked for wrong passwords; its 911 INVITE with a wrong password is not challenged nor refused (its credentials
    /// are never looked at) and goes out as that line, with its DID as call-back number and its E911 service address.
    /// </summary>
    [Fact]
    public async Task RegisteredLine_AtTheBlockedAddress_911WithAWrongPassword_GoesOutAsTheLine_Unchallenged()
    {
        await using var site = new SharedAddressSwitch(_guard.Token);
        var line = site.Phone;
        using var guesser = new TestPhone(site.Endpoint, "guesser");
        line.Send(SharedAddressSwitch.Register(line, null));
        var challenge = line.ReceiveResponse(401);
        line.Send(SharedAddressSwitch.Register(line, TestPhone.Authorization(challenge, SipHeaderKind.WwwAuthenticate, line.User, SwitchFixture.Password, "REGISTER", Uri)));
        line.ReceiveResponse(200);
        site.Block(guesser);

        var log = Path.Combine(Path.GetTempPath(), $"psap-{Guid.NewGuid():N}.log");
        using var psap = Sipp.Listen("uas-answer", site.Endpoint, site.EmergencyPort, "-trace_msg", "-message_file", log);
        var wrong = "Proxy-Authorization: Digest username=\"" + line.User + "\", realm=\"" + SwitchFixture.Realm
            + "\", nonce=\"0123456789abcdef\", uri=\"sip:911@centrex.test\", response=\"00000000000000000000000000000000\", algorithm=MD5\r\n";
        line.Send(line.Request("INVITE", "sip:911@centrex.test", "e911-" + line.Local.Port, 1, "l", null, wrong, Sdp(line)));
        var final = line.Receive(m => !m.IsRequest && m.StatusCode >= 200).Message;
        Assert.Equal(200, final.StatusCode); // never 407 or 403: nothing was said about the password
        try
        {
            var invite = await PsapInvite(log);
            Assert.Contains("P-Asserted-Identity: <sip:+16045550199@", invite, StringComparison.Ordinal); // the line's DID
            Assert.Contains("<ca:RD>1055 West Georgia Street</ca:RD>", invite, StringComparison.Ordinal);
        }
        finally
        {
            await site.Fixture.Switch.DisposeAsync();
            Sipp.Finish(psap);
            File.Delete(log);
        }
    }

    /// <summary>
    /// From an address that is not held back, an emergency INVITE is authenticated as any other: its wrong passwords are
    /// counted, and enough of them block the address as wrong REGISTERs do (after which 911 still goes out, unchecked).
    /// </summary>
    [Fact]
    public async Task UnblockedAddress_911WithWrongPasswords_AreCounted_UntilTheAddressIsBlocked()
    {
        await using var site = new SharedAddressSwitch(_guard.Token); // nothing listens at its emergency trunk: no call gets that far
        var guesser = site.Phone;
        guesser.Send(guesser.Request("INVITE", "sip:911@centrex.test", "guess-0", 1, "g", null, null, Sdp(guesser)));
        var challenge = guesser.ReceiveResponse(407);
        for (var guess = 1; site.Answered(); guess++)
        {
            _guard.Token.ThrowIfCancellationRequested();
            Assert.True(guess < 100, "wrong passwords on 911 INVITEs never blocked the address");
            var authorization = TestPhone.Authorization(challenge, SipHeaderKind.ProxyAuthenticate, guesser.User, $"guess-{guess}", "INVITE", "sip:911@centrex.test");
            guesser.Send(guesser.Request("INVITE", "sip:911@centrex.test", $"guess-{guess}", 1, "g", null, $"Proxy-Authorization: {authorization}\r\n", Sdp(guesser)));
            Flows.Sync(site.Probe, site.Fixture.Switch);
        }
    }

    /// <summary>The INVITE the emergency trunk received, from sipp's message log.</summary>
    private async Task<string> PsapInvite(string log)
    {
        while (true)
        {
            var text = File.Exists(log) ? await File.ReadAllTextAsync(log, _guard.Token) : string.Empty;
            var at = text.IndexOf("INVITE sip:", StringComparison.Ordinal);
            var end = at < 0 ? -1 : text.IndexOf("</presence>", at, StringComparison.Ordinal);
            if (end >= 0)
            {
                return text[at..end];
            }

            await Task.Delay(20, _guard.Token);
        }
    }

    private static string Sdp(TestPhone phone) =>
        $"v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {phone.Local.Port + 2} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
}
