using System.Net;
using Centrex.Rating;
using Centrex.Rating.Charging;
using Centrex.Rating.Money;
using Centrex.Rating.Numbering;
using Centrex.Switch.Admission;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Clock;
using Centrex.Switch.Registration;
using Centrex.Switch.Tests.Hooks;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Sipp;

/// <summary>
/// Issue 17 rule 4 in the switch's own charging: a call received through the trunk on a customer's toll-free DID with
/// an inbound rate is charged to that customer at the rate (seed 001: free incoming calling "with the exception of
/// calling plans using Toll Free DID numbers"); a call received on its ordinary DID stays free.
/// </summary>
public sealed class SippTollFreeInboundTests : IDisposable
{
    private const string Line = "16045550102";
    private const string TollFree = "18005550100";
    private const string Local = "16045550100";

    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(2));

    public void Dispose() => _guard.Dispose();

    [Fact]
    public async Task Sipp_CallsReceivedOnTheTollFreeDid_AreChargedAtItsInboundRate_OthersAreFree()
    {
        var clock = new ManualSwitchClock(Instant.FromUtc(2026, 12, 5, 9, 0));
        var trunkPort = Sipp.FreeUdpPort();
        var rater = new Rater(TestTariff.Tariff, NumberingPlan.Default)
        {
            // 50 mills a minute for calls received on the toll-free number (TestTariff's 1800 row: by the second).
            AccountRules = new AccountRules([], [(Line, null, new Dictionary<string, MicroDollars> { [TollFree] = new(50_000) })]),
        };
        await using var fixture = new HookedSwitch(clock, directoryJson: DirectoryJson(trunkPort), rater: rater);

        var phonePort = Sipp.FreeUdpPort();
        var registered = Sipp.Run("register", fixture.Endpoint, phonePort, "-s", Line, "-au", Line, "-ap", SwitchFixture.Password);
        Assert.True(registered.ExitCode == 0, registered.Output);

        ReceiveCall(fixture, clock, trunkPort, phonePort, TollFree, Duration.FromSeconds(60));
        ReceiveCall(fixture, clock, trunkPort, phonePort, Local, Duration.FromSeconds(60));

        fixture.WaitForCdrs(_guard.Token);
        var cdrs = CdrStore.Read(fixture.Ledger.DataDirectory, clock.Now - Duration.FromDays(1), clock.Now + Duration.FromDays(1)).ToList();
        Assert.Equal(2, cdrs.Count);
        Assert.All(cdrs, c => Assert.Equal((Line, CallDisposition.Answered, CallDirection.Incoming, 60), (c.Account, c.Disposition, c.Direction, c.BillableSeconds)));
        var tollFree = cdrs.Single(c => c.CalleeNormalized == TollFree);
        var local = cdrs.Single(c => c.CalleeNormalized == Local);

        Assert.True(fixture.Ledger.ContainsCdr(tollFree.Id), "the toll-free call was not charged");
        Assert.False(fixture.Ledger.ContainsCdr(local.Id), "a call received on an ordinary DID was charged");
        Assert.Equal(new Mills(-50), fixture.Ledger.Store.Balance(Line)); // one minute at 50 mills
        Assert.Equal(0, fixture.Hooks.Sink.Counters.Unrated);
    }

    /// <summary>The trunk calls <paramref name="did"/>, the registered phone answers, the call lasts <paramref name="talk"/> on
    /// the manual clock, then the trunk hangs up.</summary>
    private void ReceiveCall(HookedSwitch fixture, ManualSwitchClock clock, int trunkPort, int phonePort, string did, Duration talk)
    {
        var answered = fixture.Switch.ConfirmedCalls;
        using var phone = Sipp.Listen("uas-answer", fixture.Endpoint, phonePort);
        using var trunk = Sipp.Start("uac-trunk-call", fixture.Endpoint, trunkPort, "-s", did, "-d", "2000");
        while (fixture.Switch.ConfirmedCalls == answered)
        {
            if (trunk.HasExited || phone.HasExited)
            {
                Assert.Fail($"a party ended before the call was answered.\ntrunk: {Sipp.Finish(trunk).Output}\nphone: {Sipp.Finish(phone).Output}");
            }

            _guard.Token.ThrowIfCancellationRequested();
            Thread.Yield();
        }

        clock.Advance(talk); // before the trunk's BYE, 2 s after its ACK
        var trunkResult = Sipp.Finish(trunk);
        var phoneResult = Sipp.Finish(phone);
        Assert.True(trunkResult.ExitCode == 0, "trunk: " + trunkResult.Output);
        Assert.True(phoneResult.ExitCode == 0, "phone: " + phoneResult.Output);
    }

    private static string DirectoryJson(int trunkPort)
    {
        var trunk = new IPEndPoint(IPAddress.Loopback, trunkPort).ToString();
        var md5 = DigestAuthenticator.Ha1(false, Line, SwitchFixture.Realm, SwitchFixture.Password);
        return $$"""
        {
          "realm": "{{SwitchFixture.Realm}}",
          "digestAlgorithms": ["MD5"],
          "trunks": [ { "id": "pstn", "address": "{{trunk}}", "sources": ["{{trunk}}"] } ],
          "customers": [ { "id": "acme", "dialingRules": "north-america", "trunk": "pstn" } ],
          "accounts": [ { "id": "{{Line}}", "customer": "acme", "extension": "102", "username": "{{Line}}", "ha1Md5": "{{md5}}", "type": "credit" } ],
          "dids": [ { "number": "{{TollFree}}", "account": "{{Line}}" }, { "number": "{{Local}}", "account": "{{Line}}" } ]
        }
        """;
    }
}
