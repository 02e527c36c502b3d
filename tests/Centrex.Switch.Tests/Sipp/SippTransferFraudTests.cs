using System.Net;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Clock;
using Centrex.Switch.Metrics;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Hooks;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Sipp;

/// <summary>
/// A blind transfer out through the trunk is the transferor's own outgoing call (README-callctl.md, Transfer: the
/// transferor pays the leg it creates, as for a forwarded call the forwarder, seed 001), so the transferor's fraud
/// controls (issue 14) apply to it as to a number it dials: a sipp phone on line 101 answers a call from 102 and REFERs
/// it abroad; the REFER is answered 403 naming the rule, counted as a fraud refusal, recorded as 101's refused-by-fraud
/// attempt, and nothing reaches the carrier. The Refer-To may name the trunk itself (<c>sip:&lt;number&gt;@&lt;trunk&gt;</c>):
/// a transfer's host is never where the switch sends the leg, the number goes through 101's dial plan and is priced like
/// any call of 101's, so no URI can reach the carrier unpriced.
/// </summary>
public sealed class SippTransferFraudTests : IDisposable
{
    private const string DialedUk = "011442071234567";

    private readonly ManualSwitchClock _clock = new(Instant.FromUtc(2026, 12, 5, 9, 0));
    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(2)); // a hang fails the test, never times it
    private readonly TempFolder _logs = new();
    private readonly TestPhone _gateway = new(new IPEndPoint(IPAddress.Loopback, 9), "gateway"); // the carrier: must get nothing

    public void Dispose()
    {
        _gateway.Dispose();
        _guard.Dispose();
        _logs.Dispose();
    }

    [Theory]
    [InlineData("\"blocked\": [\"international\"]", "sip:" + DialedUk + "@{trunk}", "fraud control: international calls barred (blocked_classes)")]
    [InlineData("\"maxSpendPerDay\": \"0.040\"", "sip:" + DialedUk + "@{trunk}", "fraud control: max_spend_per_day 0.040 reached")]
    [InlineData("\"maxInternationalCalls\": 0", "sip:" + DialedUk + "@127.0.0.1:1", "fraud control: max_international_calls 0 reached")]
    public async Task Sipp_BlindTransferAbroad_RefusedByTheTransferorsFraudControls_Refer403_CountedAsFraud_NothingReachesTheCarrier(
        string fraud, string referTo, string reason)
    {
        await using var fixture = new HookedSwitch(_clock, _gateway.Local, callerFraud: fraud);
        _gateway.Retarget(fixture.Endpoint);
        var transferorPort = Sipp.FreeUdpPort();
        var registered = Sipp.Run("register", fixture.Endpoint, transferorPort, "-s", HookedSwitch.Caller, "-au", HookedSwitch.Caller, "-ap", SwitchFixture.Password);
        Assert.True(registered.ExitCode == 0, registered.Output);

        var trace = new SippTrace(_logs.Path, "transferor");
        using var transferor = Sipp.Listen("uas-answer-refer-refused", fixture.Endpoint, transferorPort,
            ["-key", "referto", referTo.Replace("{trunk}", _gateway.Local.ToString(), StringComparison.Ordinal), .. trace.Args]);
        using var caller = Sipp.Start("uac-call-until-bye", fixture.Endpoint, Sipp.FreeUdpPort(),
            "-s", "101", "-au", HookedSwitch.Callee, "-ap", SwitchFixture.Password);

        var transferorResult = Sipp.Finish(transferor); // the call, the REFER refused 403, its BYE
        var callerResult = Sipp.Finish(caller);
        Assert.True(transferorResult.ExitCode == 0, "transferor: " + transferorResult.Output);
        Assert.True(callerResult.ExitCode == 0, "caller: " + callerResult.Output);

        Assert.Equal("SIP/2.0 403 " + reason, trace.WaitFor("SIP/2.0 403").Split('\n')[0].TrimEnd('\r'));
        Assert.DoesNotContain(_gateway.Drain(), m => m.IsRequest && m.Method == SipMethod.Invite);
        Assert.Equal(1, fixture.Switch.Metrics.Refusals(RefusalReason.Fraud)); // centrex_sip_refusals_total{reason="fraud"}
        Assert.Equal(0, fixture.Switch.Metrics.Refusals(RefusalReason.Balance));
        Assert.Equal(1, fixture.Switch.Metrics.CallsEnded(CallDisposition.RefusedByFraud));
        Assert.Single(fixture.FraudLog);
        fixture.WaitForCdrs(_guard.Token);
        var cdrs = CdrStore.Read(fixture.Ledger.DataDirectory, _clock.Now - Duration.FromDays(1), _clock.Now + Duration.FromDays(1)).ToList();
        var refused = Assert.Single(cdrs, c => c.Disposition == CallDisposition.RefusedByFraud);
        Assert.Equal((HookedSwitch.Caller, "442071234567"), (refused.Account, refused.CalleeNormalized)); // the transferor's attempt
        Assert.Equal(0, fixture.Hooks.Fraud.CallsUp);
    }
}
