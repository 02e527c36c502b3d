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
/// challenged, authenticated and answered by the emergency trunk's sipp, and hangs up, through the block.
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
        using var caller = Sipp.Start("uac-call-until-bye", fixture.Endpoint, Sipp.FreeUdpPort(), "-s", "911", "-au", SippEmergencyTests.Line, "-ap", SwitchFixture.Password);
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
