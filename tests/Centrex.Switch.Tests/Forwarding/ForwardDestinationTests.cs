using System.Net;
using Centrex.Switch.CallFlows;
using Centrex.Switch.Calls;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Support;
using NodaTime;

namespace Centrex.Switch.Tests.Forwarding;

/// <summary>
/// Issue 16 review, item 8, in depth: whatever the directory holds, a running switch (as <c>serve</c> runs it: no lab
/// loopback) never sends a forwarded INVITE to its own address, to loopback, to link-local (cloud metadata at
/// 169.254.169.254) or, for a customer the operator has not allowed them, to private addresses: the caller gets 403, the
/// party at that address no INVITE, and the CDR says refused.
/// </summary>
public sealed class ForwardDestinationTests
{
    private const string Alice = "16045550101";
    private const string Bob = "16045550102";

    [Theory]
    [InlineData("sip:x@{desk}")] // loopback: a phone on the switch's own host
    [InlineData("sip:x@{switch}")] // the switch's own listener: the call would loop into it
    [InlineData("sip:x@169.254.169.254:80")] // link-local: cloud metadata
    [InlineData("sip:x@10.1.2.3")] // private, not allowed for this customer
    public async Task ForwardToAnAddressTheSwitchDoesNotSendTo_Is403_AndNoInviteLeaves(string uri)
    {
        using var desk = new TestPhone(new IPEndPoint(IPAddress.Loopback, 9), "desk");
        await using var fixture = new SwitchFixture(partitions: 1, options: new SwitchOptions());
        desk.Retarget(fixture.Endpoint);
        using var alice = new TestPhone(fixture.Endpoint, Alice);
        using var bob = new TestPhone(fixture.Endpoint, Bob);
        Flows.Register(bob);
        var target = uri.Replace("{desk}", desk.Local.ToString(), StringComparison.Ordinal).Replace("{switch}", fixture.Endpoint.ToString(), StringComparison.Ordinal);
        fixture.Live.Replace(new FeatureDirectory(fixture.Directory, "acme", DateTimeZone.Utc, forwarding: new Dictionary<string, LineForwarding>
        {
            [Bob] = new(ForwardWhen.Always, 20, false, [new ForwardTarget(target, 20, [])]),
        }));

        Flows.Invite(alice, "102");

        Assert.Equal(403, alice.ReceiveFinal().StatusCode);
        Flows.Sync(alice, fixture.Switch);
        Assert.DoesNotContain(desk.Drain(), m => m.IsRequest && m.Method == SipMethod.Invite);
        Assert.DoesNotContain(bob.Drain(), m => m.IsRequest && m.Method == SipMethod.Invite);
        Assert.Equal(CallDisposition.RefusedByFraud, Assert.Single(fixture.Cdrs.Ends).Disposition);
    }

    /// <summary>The lab setting the other switch tests run with still lets a phone on 127.0.0.1 be forwarded to: the check is what refused it above.</summary>
    [Fact]
    public async Task InLabMode_ALoopbackPhone_IsRung()
    {
        using var desk = new TestPhone(new IPEndPoint(IPAddress.Loopback, 9), "desk");
        await using var fixture = new SwitchFixture(partitions: 1);
        desk.Retarget(fixture.Endpoint);
        using var alice = new TestPhone(fixture.Endpoint, Alice);
        fixture.Live.Replace(new FeatureDirectory(fixture.Directory, "acme", DateTimeZone.Utc, forwarding: new Dictionary<string, LineForwarding>
        {
            [Bob] = new(ForwardWhen.Always, 20, false, [new ForwardTarget($"sip:x@{desk.Local}", 20, [])]),
        }));

        Flows.Invite(alice, "102");

        Assert.StartsWith($"INVITE sip:x@{desk.Local}", System.Text.Encoding.UTF8.GetString(desk.ReceiveRequest("INVITE").Message.Bytes), StringComparison.Ordinal);
    }
}
