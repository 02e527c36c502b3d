using Centrex.Switch.CallFlows;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Support;
using NodaTime;
using Steps = Centrex.Switch.Tests.Support.Flows;

namespace Centrex.Switch.Tests.CallFlows;

/// <summary>
/// Time routing's holidays are dates in the customer's time zone (seed 002 "Built in holidays"; issue 15), not UTC dates:
/// in Vancouver (UTC-8 in December) 23:30 on Christmas Eve is already December 25 in UTC, and 23:30 on Christmas Day is
/// December 26 in UTC. Against the running switch on the manual clock: the office is open every hour of every day, so
/// only the holiday decides whether 102 (open) or 103 (closed) rings.
/// </summary>
public sealed class HolidayTimeZoneTests
{
    [Theory]
    [InlineData(12, 24, 23, 30, "102")] // local Dec 24 (UTC Dec 25 07:30): not the holiday
    [InlineData(12, 25, 0, 0, "103")]   // local midnight: the holiday begins (UTC 08:00)
    [InlineData(12, 25, 23, 30, "103")] // local Dec 25 (UTC Dec 26 07:30): still the holiday
    [InlineData(12, 26, 0, 0, "102")]   // local Dec 26: over
    public async Task AHolidayIsJudgedOnTheCustomersLocalDate(int month, int day, int hour, int minute, string rings)
    {
        var zone = DateTimeZoneProviders.Tzdb["America/Vancouver"];
        await using var fixture = new SwitchFixture(partitions: 1);
        fixture.Clock.Advance(new LocalDateTime(2026, month, day, hour, minute).InZoneStrictly(zone).ToInstant() - fixture.Clock.Now);
        var flow = new FlowDefinition("xmas", "acme", ["102"], [
            FeatureDirectory.Node("in", "my-numbers", branches: "next=decide"),
            FeatureDirectory.Node("decide", "time-routing", "hours=mon-sun 00:00-23:59;holidays=2026-12-25", "true=open;false=closed"),
            FeatureDirectory.Node("open", "call-to-sip", "extension=102"),
            FeatureDirectory.Node("closed", "call-to-sip", "extension=103")]);
        fixture.Live.Replace(new FeatureDirectory(fixture.Directory, "acme", zone, flows: [flow]));
        using var alice = new TestPhone(fixture.Endpoint, "16045550101");
        using var bob = new TestPhone(fixture.Endpoint, "16045550102");
        using var carol = new TestPhone(fixture.Endpoint, "16045550103");
        Steps.Register(bob);
        Steps.Register(carol);

        Steps.Invite(alice, "102");
        var (phone, other) = rings == "102" ? (bob, carol) : (carol, bob);
        var invite = phone.ReceiveRequest("INVITE").Message;
        phone.Send(phone.Response(invite, 486, "Busy Here", "x1"));

        Assert.Equal(486, alice.ReceiveFinal().StatusCode);
        Assert.DoesNotContain(other.Drain(), m => m.IsRequest && m.Method == SipMethod.Invite);
    }
}
