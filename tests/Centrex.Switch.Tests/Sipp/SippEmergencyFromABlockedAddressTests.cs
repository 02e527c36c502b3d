using System.Net;
using Centrex.Switch.Clock;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Hooks;
using Centrex.Switch.Tests.Support;
using NodaTime;

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
        var clock = new ManualSwitchClock(Instant.FromUtc(2026, 12, 5, 9, 0));
        var emergencyPort = Sipp.FreeUdpPort();
        await using var fixture = new HookedSwitch(clock, directoryJson: SippEmergencyTests.DirectoryJson(new IPEndPoint(IPAddress.Loopback, emergencyPort)));
        using var neighbour = new TestPhone(fixture.Endpoint, SippEmergencyTests.Line);
        using var probe = new TestPhone(fixture.Endpoint, "probe", IPAddress.Parse("127.0.0.2"));
        if (how == "blocked")
        {
            Block(neighbour, probe, fixture);
        }
        else
        {
            RateLimit(neighbour, probe, fixture);
        }

        Assert.False(Answered(neighbour, probe, fixture)); // 127.0.0.1 gets nothing through now
        using var psap = Sipp.Listen("uas-answer", fixture.Endpoint, emergencyPort);
        using var caller = how == "blocked"
            ? Sipp.Start("uac-911-unchecked", fixture.Endpoint, Sipp.FreeUdpPort(), "-s", "911") // a 407 would fail it
            : Sipp.Start("uac-call-until-bye", fixture.Endpoint, Sipp.FreeUdpPort(), "-s", "911", "-au", SippEmergencyTests.Line, "-ap", SwitchFixture.Password);
        while (fixture.Switch.ConfirmedCalls == 0)
        {
            if (caller.HasExited || psap.HasExited)
            {
                Assert.Fail($"a party ended before the call was answered.\ncaller: {Sipp.Finish(caller).Output}\npsap: {Sipp.Finish(psap).Output}");
            }

            _guard.Token.ThrowIfCancellationRequested();
            Thread.Yield();
        }

        Assert.False(Answered(neighbour, probe, fixture)); // the call went through, the address is still held back
        await fixture.Switch.DisposeAsync(); // ends the call with BYE both ways
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
        var clock = new ManualSwitchClock(Instant.FromUtc(2026, 12, 5, 9, 0));
        var emergencyPort = Sipp.FreeUdpPort();
        await using var fixture = new HookedSwitch(clock, directoryJson: SippEmergencyTests.DirectoryJson(new IPEndPoint(IPAddress.Loopback, emergencyPort)));
        using var neighbour = new TestPhone(fixture.Endpoint, SippEmergencyTests.Line);
        using var probe = new TestPhone(fixture.Endpoint, "probe", IPAddress.Parse("127.0.0.2"));
        Block(neighbour, probe, fixture);

        var sent = 2 * new Centrex.Switch.Partitions.EmergencyRateLimits().Burst;
        for (var i = 0; i < sent; i++)
        {
            var tag = "c00" + Guid.NewGuid().ToString("N")[..8]; // a tag of partition 0's form: a dialog of this switch
            neighbour.Send(neighbour.Request("BYE", Uri, Guid.NewGuid().ToString("N"), 2, "b", $"<{Uri}>;tag={tag}"));
        }

        Flows.Sync(probe, fixture.Switch);
        Assert.Equal(sent, neighbour.Drain().Count(m => !m.IsRequest && m.StatusCode == 481)); // they reached their partition

        using var psap = Sipp.Listen("uas-answer", fixture.Endpoint, emergencyPort);
        using var caller = Sipp.Start("uac-911-unchecked", fixture.Endpoint, Sipp.FreeUdpPort(), "-s", "911");
        WaitForAnswer(fixture, caller, psap);
        await fixture.Switch.DisposeAsync();
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
        var clock = new ManualSwitchClock(Instant.FromUtc(2026, 12, 5, 9, 0));
        var emergencyPort = Sipp.FreeUdpPort();
        await using var fixture = new HookedSwitch(clock, directoryJson: SippEmergencyTests.DirectoryJson(new IPEndPoint(IPAddress.Loopback, emergencyPort)));
        using var neighbour = new TestPhone(fixture.Endpoint, SippEmergencyTests.Line);
        using var probe = new TestPhone(fixture.Endpoint, "probe", IPAddress.Parse("127.0.0.2"));
        Block(neighbour, probe, fixture);

        using var psap = Sipp.Listen("uas-ring", fixture.Endpoint, emergencyPort);
        var caller = Sipp.Run("uac-911-unchecked-cancel", fixture.Endpoint, Sipp.FreeUdpPort(), "-s", "911");
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
        var clock = new ManualSwitchClock(Instant.FromUtc(2026, 12, 5, 9, 0));
        var emergencyPort = Sipp.FreeUdpPort();
        await using var fixture = new HookedSwitch(clock, directoryJson: SippEmergencyTests.DirectoryJson(new IPEndPoint(IPAddress.Loopback, emergencyPort)));
        using var line = new TestPhone(fixture.Endpoint, SippEmergencyTests.Line);
        using var guesser = new TestPhone(fixture.Endpoint, "guesser");
        using var probe = new TestPhone(fixture.Endpoint, "probe", IPAddress.Parse("127.0.0.2"));
        line.Send(Register(line, null));
        var challenge = line.ReceiveResponse(401);
        line.Send(Register(line, TestPhone.Authorization(challenge, SipHeaderKind.WwwAuthenticate, line.User, SwitchFixture.Password, "REGISTER", Uri)));
        line.ReceiveResponse(200);
        Block(guesser, probe, fixture);

        var log = Path.Combine(Path.GetTempPath(), $"psap-{Guid.NewGuid():N}.log");
        using var psap = Sipp.Listen("uas-answer", fixture.Endpoint, emergencyPort, "-trace_msg", "-message_file", log);
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
            await fixture.Switch.DisposeAsync();
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
        var clock = new ManualSwitchClock(Instant.FromUtc(2026, 12, 5, 9, 0));
        await using var fixture = new HookedSwitch(clock, directoryJson: SippEmergencyTests.DirectoryJson(new IPEndPoint(IPAddress.Loopback, Sipp.FreeUdpPort())));
        using var guesser = new TestPhone(fixture.Endpoint, SippEmergencyTests.Line);
        using var probe = new TestPhone(fixture.Endpoint, "probe", IPAddress.Parse("127.0.0.2"));
        guesser.Send(guesser.Request("INVITE", "sip:911@centrex.test", "guess-0", 1, "g", null, null, Sdp(guesser)));
        var challenge = guesser.ReceiveResponse(407);
        for (var guess = 1; Answered(guesser, probe, fixture); guess++)
        {
            _guard.Token.ThrowIfCancellationRequested();
            Assert.True(guess < 100, "wrong passwords on 911 INVITEs never blocked the address");
            var authorization = TestPhone.Authorization(challenge, SipHeaderKind.ProxyAuthenticate, guesser.User, $"guess-{guess}", "INVITE", "sip:911@centrex.test");
            guesser.Send(guesser.Request("INVITE", "sip:911@centrex.test", $"guess-{guess}", 1, "g", null, $"Proxy-Authorization: {authorization}\r\n", Sdp(guesser)));
            Flows.Sync(probe, fixture.Switch);
        }
    }

    private void WaitForAnswer(HookedSwitch fixture, System.Diagnostics.Process caller, System.Diagnostics.Process psap)
    {
        while (fixture.Switch.ConfirmedCalls == 0)
        {
            if (caller.HasExited || psap.HasExited)
            {
                Assert.Fail($"a party ended before the call was answered.\ncaller: {Sipp.Finish(caller).Output}\npsap: {Sipp.Finish(psap).Output}");
            }

            _guard.Token.ThrowIfCancellationRequested();
            Thread.Yield();
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

    /// <summary>Wrong passwords from <paramref name="phone"/>'s address until the switch blocks it (20 strikes by default).</summary>
    private void Block(TestPhone phone, TestPhone probe, HookedSwitch fixture)
    {
        phone.Send(Register(phone, null));
        var challenge = phone.ReceiveResponse(401);
        for (var guess = 1; Answered(phone, probe, fixture); guess++)
        {
            _guard.Token.ThrowIfCancellationRequested();
            Assert.True(guess < 100, "the address was never blocked");
            phone.Send(Register(phone, TestPhone.Authorization(challenge, SipHeaderKind.WwwAuthenticate, phone.User, $"guess-{guess}", "REGISTER", Uri)));
            Flows.Sync(probe, fixture.Switch);
        }
    }

    /// <summary>Requests from <paramref name="phone"/>'s address, faster than it may send them (the clock stands still).</summary>
    private void RateLimit(TestPhone phone, TestPhone probe, HookedSwitch fixture)
    {
        for (var burst = new Centrex.Switch.Partitions.SourceRateLimits().Burst; burst >= 0; burst--)
        {
            phone.Send(phone.Request("OPTIONS", Uri, Guid.NewGuid().ToString("N"), 1, "o"));
        }

        Flows.Sync(probe, fixture.Switch);
        phone.Drain();
    }

    /// <summary>Whether an OPTIONS from <paramref name="phone"/> is answered (a slowed source's still is; a blocked or limited one's not).</summary>
    private static bool Answered(TestPhone phone, TestPhone probe, HookedSwitch fixture)
    {
        phone.Drain();
        phone.Send(phone.Request("OPTIONS", Uri, Guid.NewGuid().ToString("N"), 1, "o"));
        Flows.Sync(probe, fixture.Switch);
        return phone.Drain().Any(m => !m.IsRequest && m.StatusCode == 200);
    }

    private static string Register(TestPhone phone, string? authorization) =>
        phone.Request("REGISTER", Uri, "brute-" + phone.Local.Port, phone.NextCSeq(), "b", $"<sip:{phone.User}@centrex.test>",
            "Expires: 3600\r\n" + (authorization is null ? "" : $"Authorization: {authorization}\r\n"));
}
