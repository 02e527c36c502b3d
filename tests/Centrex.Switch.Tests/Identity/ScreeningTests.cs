using System.Net;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Support;

namespace Centrex.Switch.Tests.Identity;

/// <summary>
/// Seed 001 "Calling Preferences" and "User unavailable", seed 000 "Number Black Listing": do not disturb, anonymous call
/// rejection, call waiting and blacklists per line and per customer, and the star codes that change them, against the
/// running switch with a UDP trunk and phones. Each refusal is checked beside a call that still gets through.
/// </summary>
public sealed class ScreeningTests
{
    private const string Did101 = "+16045550111";
    private const string Did102 = "+16045550122";

    [Fact]
    public async Task DoNotDisturb_Refuses480_WhileAnotherLineStillRings()
    {
        await using var set = await Set.Start("""{ "dnd": true }""");

        Assert.Equal(480, set.FromTrunk(Did101, "12125550100").StatusCode);
        set.ReachesPhone(Did102, "12125550100", set.Line102);
    }

    [Fact]
    public async Task AnonymousRejection_Refuses433_AnAnonymousTrunkCallOrAHiddenColleague_ButNotANumberedCaller()
    {
        await using var set = await Set.Start("""{ "anonymousRejection": true }""");

        var refused = set.FromTrunk(Did101, "anonymous", host: "anonymous.invalid");
        Assert.Equal(433, refused.StatusCode);
        Assert.Equal("Anonymity Disallowed", refused.Text(refused.ReasonPhrase));
        Assert.Equal(433, set.FromTrunk(Did101, "12125550100", extra: "Privacy: id\r\nP-Asserted-Identity: <sip:+12125550100@trunk>\r\n").StatusCode);

        CallerIdTests.Invite(set.Line102, "101", null); // 102 always hides its number
        Assert.Equal(433, set.Line102.ReceiveFinal().StatusCode);

        set.ReachesPhone(Did101, "12125550100", set.Line101);
    }

    [Fact]
    public async Task Blacklists_OfTheLineAndOfTheCustomer_Refuse603_EvenAHiddenCallerByItsAssertedNumber()
    {
        await using var set = await Set.Start("""{ "blockedNumbers": ["+12125550199"] }""", customer: """{ "blockedPrefixes": ["1900"] }""");

        Assert.Equal(603, set.FromTrunk(Did101, "+12125550199").StatusCode);
        Assert.Equal(603, set.FromTrunk(Did101, "anonymous", host: "anonymous.invalid", extra: "Privacy: id\r\nP-Asserted-Identity: <sip:+12125550199@trunk>\r\n").StatusCode);
        Assert.Equal(603, set.FromTrunk(Did102, "19005550100").StatusCode); // the customer's list covers every line

        set.ReachesPhone(Did102, "12125550199", set.Line102); // on 101's list only
        set.ReachesPhone(Did101, "12125550100", set.Line101);
    }

    [Fact]
    public async Task CallWaitingOff_ASecondCallWhileTheFirstRings_Gets486_AndAfterItEndsTheNextRings()
    {
        await using var set = await Set.Start("""{ "callWaiting": false }""");
        set.Trunk.Send(set.Trunk.Request("INVITE", $"sip:{Did101}@centrex.test", "first", 1, "t", body: Flows.Sdp));
        var (first, _) = set.Line101.ReceiveRequest("INVITE");
        set.Line101.Send(set.Line101.Response(first, 180, "Ringing", "p1"));
        set.Trunk.ReceiveResponse(180);

        Assert.Equal(486, set.FromTrunk(Did101, "12125550100").StatusCode);
        set.ReachesPhone(Did102, "12125550100", set.Line102); // call waiting is 101's alone

        set.Line101.Send(set.Line101.Response(first, 486, "Busy Here", "p1"));
        Assert.Equal(486, set.Trunk.Receive(m => !m.IsRequest && m.StatusCode >= 200 && m.Text(m.CallId) == "first").Message.StatusCode);
        set.ReachesPhone(Did101, "12125550100", set.Line101);
    }

    [Fact]
    public async Task CallWaitingOn_TheDefault_ASecondCallStillRings()
    {
        await using var set = await Set.Start("null");
        set.Trunk.Send(set.Trunk.Request("INVITE", $"sip:{Did101}@centrex.test", "first", 1, "t", body: Flows.Sdp));
        set.Line101.ReceiveRequest("INVITE");

        set.ReachesPhone(Did101, "12125550100", set.Line101);
    }

    [Theory]
    [InlineData("*78", "*79", 480)]
    [InlineData("*86", "*87", 433)]
    public async Task StarCode_ChangesTheSettingLive_ThePhoneGets200_AndTheNextCallSeesIt(string on, string off, int refusal)
    {
        await using var set = await Set.Start("null");
        set.ReachesPhone(Did101, "anonymous", set.Line101, host: "anonymous.invalid");

        set.Dial101(on);
        Assert.Equal(refusal, set.FromTrunk(Did101, "anonymous", host: "anonymous.invalid").StatusCode);
        set.ReachesPhone(Did102, "anonymous", set.Line102, host: "anonymous.invalid"); // another line is untouched

        set.Dial101(off);
        set.ReachesPhone(Did101, "anonymous", set.Line101, host: "anonymous.invalid");
    }

    /// <summary>The switch, a trunk, and the phones of 101 (screening under test) and 102, registered.</summary>
    private sealed class Set : IAsyncDisposable
    {
        private SwitchFixture _fixture = null!;
        private int _calls;

        public TestPhone Trunk { get; } = new(new IPEndPoint(IPAddress.Loopback, 9), "trunk");

        public TestPhone Line101 { get; private set; } = null!;

        public TestPhone Line102 { get; private set; } = null!;

        public static Task<Set> Start(string screening, string customer = "null")
        {
            var set = new Set();
            set._fixture = new SwitchFixture(directoryJson: IdentityDirectory.Json(set.Trunk.Local, screening, customer));
            set.Trunk.Retarget(set._fixture.Endpoint);
            set.Line101 = new TestPhone(set._fixture.Endpoint, IdentityDirectory.Automatic);
            set.Line102 = new TestPhone(set._fixture.Endpoint, IdentityDirectory.AlwaysHidden);
            Assert.Equal(200, Flows.Register(set.Line101).StatusCode);
            Assert.Equal(200, Flows.Register(set.Line102).StatusCode);
            return Task.FromResult(set);
        }

        /// <summary>A trunk call to <paramref name="did"/> from <paramref name="from"/>; the final response it gets.</summary>
        public SipMessage FromTrunk(string did, string from, string host = "trunk.example", string? extra = null)
        {
            var callId = $"t{++_calls}";
            Trunk.Send(TrunkInvite(did, from, host, extra, callId));
            return Trunk.Receive(m => !m.IsRequest && m.StatusCode >= 200 && m.Text(m.CallId) == callId).Message;
        }

        /// <summary>A trunk call reaches <paramref name="phone"/>, which answers busy, and the trunk gets the 486.</summary>
        public void ReachesPhone(string did, string from, TestPhone phone, string host = "trunk.example")
        {
            var callId = $"t{++_calls}";
            Trunk.Send(TrunkInvite(did, from, host, null, callId));
            var (invite, _) = phone.ReceiveRequest("INVITE");
            phone.Send(phone.Response(invite, 486, "Busy Here", "p" + _calls));
            Assert.Equal(486, Trunk.Receive(m => !m.IsRequest && m.StatusCode >= 200 && m.Text(m.CallId) == callId).Message.StatusCode);
        }

        /// <summary>101 dials a star code: 200, ACK, and the switch's BYE.</summary>
        public void Dial101(string code)
        {
            Flows.Invite(Line101, code);
            var ok = Line101.ReceiveResponse(200);
            Line101.Send(Flows.InDialog(Line101, ok, "ACK", 2));
            var (bye, _) = Line101.ReceiveRequest("BYE");
            Line101.Send(Line101.Response(bye, 200, "OK", "x"));
            Flows.Sync(Line101, _fixture.Switch);
        }

        private string TrunkInvite(string did, string from, string host, string? extra, string callId) =>
            $"INVITE sip:{did}@centrex.test SIP/2.0\r\nVia: SIP/2.0/UDP {Trunk.Local};branch={Trunk.NextBranch()};rport\r\nMax-Forwards: 70\r\n" +
            $"From: <sip:{from}@{host}>;tag=f{callId}\r\nTo: <sip:{did}@centrex.test>\r\nCall-ID: {callId}\r\nCSeq: 1 INVITE\r\n" +
            $"Contact: <sip:{from}@{Trunk.Local}>\r\n{extra}Content-Type: application/sdp\r\nContent-Length: {Flows.Sdp.Length}\r\n\r\n{Flows.Sdp}";

        public async ValueTask DisposeAsync()
        {
            await _fixture.DisposeAsync();
            Trunk.Dispose();
            Line101.Dispose();
            Line102.Dispose();
        }
    }
}
