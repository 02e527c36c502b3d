using System.Net;
using Centrex.Switch.Clock;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Hooks;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Sipp;

/// <summary>
/// The set-up of <see cref="SippEmergencyFromABlockedAddressTests"/>: the emergency directory of
/// <see cref="SippEmergencyTests"/> on a manual clock, its emergency trunk at a free port (where a test starts its sipp
/// PSAP), a phone at 127.0.0.1 (the office's address behind its NAT, which the tests get held back) and a probe at
/// 127.0.0.2 (another address, never held back, whose answered OPTIONS tells that the switch has handled everything sent
/// before it). Disposed in the order the tests declared them: the probe, the phone, then the switch.
/// </summary>
internal sealed class SharedAddressSwitch : IAsyncDisposable
{
    private const string Uri = "sip:centrex.test";
    private readonly CancellationToken _guard;

    /// <param name="guard">Ends a wait for a block that never comes.</param>
    public SharedAddressSwitch(CancellationToken guard)
    {
        _guard = guard;
        EmergencyPort = Sipp.FreeUdpPort();
        Fixture = new HookedSwitch(Clock, directoryJson: SippEmergencyTests.DirectoryJson(new IPEndPoint(IPAddress.Loopback, EmergencyPort)));
        try
        {
            Phone = new TestPhone(Fixture.Endpoint, SippEmergencyTests.Line);
            Probe = new TestPhone(Fixture.Endpoint, "probe", IPAddress.Parse("127.0.0.2"));
        }
        catch
        {
            Phone?.Dispose();
            Fixture.DisposeAsync().AsTask().GetAwaiter().GetResult(); // no one else will: the caller never gets this object
            throw;
        }
    }

    public ManualSwitchClock Clock { get; } = new(Instant.FromUtc(2026, 12, 5, 9, 0));

    /// <summary>The emergency trunk's port: nothing listens there until a test starts its PSAP.</summary>
    public int EmergencyPort { get; }

    public HookedSwitch Fixture { get; }

    /// <summary>The emergency directory's line, at 127.0.0.1: the shared address.</summary>
    public TestPhone Phone { get; }

    /// <summary>A phone at 127.0.0.2, for <see cref="Flows.Sync"/>.</summary>
    public TestPhone Probe { get; }

    public IPEndPoint Endpoint => Fixture.Endpoint;

    /// <summary>Wrong passwords from <paramref name="phone"/>'s address (the shared one unless given) until the switch blocks it (20 strikes by default).</summary>
    public void Block(TestPhone? phone = null)
    {
        phone ??= Phone;
        phone.Send(Register(phone, null));
        var challenge = phone.ReceiveResponse(401);
        for (var guess = 1; Answered(phone); guess++)
        {
            _guard.ThrowIfCancellationRequested();
            Assert.True(guess < 100, "the address was never blocked");
            phone.Send(Register(phone, TestPhone.Authorization(challenge, SipHeaderKind.WwwAuthenticate, phone.User, $"guess-{guess}", "REGISTER", Uri)));
            Flows.Sync(Probe, Fixture.Switch);
        }
    }

    /// <summary>Requests from the shared address, faster than it may send them (the clock stands still).</summary>
    public void RateLimit()
    {
        for (var burst = new Centrex.Switch.Partitions.SourceRateLimits().Burst; burst >= 0; burst--)
        {
            Phone.Send(Phone.Request("OPTIONS", Uri, Guid.NewGuid().ToString("N"), 1, "o"));
        }

        Flows.Sync(Probe, Fixture.Switch);
        Phone.Drain();
    }

    /// <summary>Whether an OPTIONS from <paramref name="phone"/> (the shared address's unless given) is answered (a slowed source's still is; a blocked or limited one's not).</summary>
    public bool Answered(TestPhone? phone = null)
    {
        phone ??= Phone;
        phone.Drain();
        phone.Send(phone.Request("OPTIONS", Uri, Guid.NewGuid().ToString("N"), 1, "o"));
        Flows.Sync(Probe, Fixture.Switch);
        return phone.Drain().Any(m => !m.IsRequest && m.StatusCode == 200);
    }

    /// <summary>A REGISTER of <paramref name="phone"/>'s user from its address, with <paramref name="authorization"/> or none.</summary>
    public static string Register(TestPhone phone, string? authorization) =>
        phone.Request("REGISTER", Uri, "brute-" + phone.Local.Port, phone.NextCSeq(), "b", $"<sip:{phone.User}@centrex.test>",
            "Expires: 3600\r\n" + (authorization is null ? "" : $"Authorization: {authorization}\r\n"));

    public async ValueTask DisposeAsync()
    {
        Probe.Dispose();
        Phone.Dispose();
        await Fixture.DisposeAsync();
    }
}
