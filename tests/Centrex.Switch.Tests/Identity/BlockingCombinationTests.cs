using System.Net;
using Centrex.Switch.Tests.Support;

namespace Centrex.Switch.Tests.Identity;

/// <summary>
/// Blacklists (seed 000 "Number Black Listing") combined with the rest of a customer's numbering, against the running
/// switch: a prefix is a rule for outside numbers, so it never refuses a colleague whose DID or account id happens to
/// start with it (the customer's own exchange); an exact entry (an extension) refuses that colleague, even when it hides
/// its number with the hide prefix; an extension on the list names the customer's own line, not another customer's
/// line with the same extension, whose public numbers are checked like any outside caller's. Lines of
/// <see cref="IdentityDirectory"/>: 101 (DIDs 16045550111/112), 102 (16045550122), 103 (16045550133), 104 (no DID),
/// all acme; 201 is globex's (17785550211).
/// </summary>
public sealed class BlockingCombinationTests : IAsyncLifetime
{
    private readonly TestPhone _trunk = new(new IPEndPoint(IPAddress.Loopback, 9), "trunk");
    private readonly List<TestPhone> _phones = [];
    private SwitchFixture? _fixture;
    private TestPhone _line101 = null!;

    // xUnit 2 disposes a test class through IAsyncLifetime, not IAsyncDisposable: without it nothing here ran.

    public Task InitializeAsync() => Task.CompletedTask;


    public async Task DisposeAsync()
    {
        foreach (var phone in _phones)
        {
            phone.Dispose();
        }

        _trunk.Dispose();
        if (_fixture is not null)
        {
            await _fixture.DisposeAsync();
        }
    }

    private void Start(string screening101, string customerScreening = "null")
    {
        _fixture = new SwitchFixture(directoryJson: IdentityDirectory.Json(_trunk.Local, screening101, customerScreening));
        _trunk.Retarget(_fixture.Endpoint);
        _line101 = Phone(IdentityDirectory.Automatic);
        Assert.Equal(200, Flows.Register(_line101).StatusCode);
    }

    private TestPhone Phone(string account)
    {
        var phone = new TestPhone(_fixture!.Endpoint, account);
        _phones.Add(phone);
        return phone;
    }

    /// <summary><paramref name="caller"/> dials <paramref name="dialed"/>: 603 when refused, else 101's phone rings and answers busy (486).</summary>
    private int Call(string caller, string dialed)
    {
        var phone = Phone(caller);
        CallerIdTests.Invite(phone, dialed, null);
        Flows.Sync(Phone("probe"), _fixture!.Switch); // what the INVITE caused has been sent (a probe of its own: Sync skips what else arrives)
        if (_line101.Drain().FirstOrDefault(m => m.IsRequest && m.Method == Centrex.Switch.Sip.SipMethod.Invite) is { } invite)
        {
            _line101.Send(_line101.Response(invite, 486, "Busy Here", "l1"));
        }

        return phone.ReceiveFinal().StatusCode;
    }

    private int FromTrunk(string from)
    {
        var callId = Guid.NewGuid().ToString("N");
        _trunk.Send($"INVITE sip:+16045550111@centrex.test SIP/2.0\r\nVia: SIP/2.0/UDP {_trunk.Local};branch={_trunk.NextBranch()};rport\r\nMax-Forwards: 70\r\n" +
            $"From: <sip:{from}@trunk.example>;tag=t{callId}\r\nTo: <sip:+16045550111@centrex.test>\r\nCall-ID: {callId}\r\nCSeq: 1 INVITE\r\n" +
            $"Contact: <sip:{from}@{_trunk.Local}>\r\nContent-Type: application/sdp\r\nContent-Length: {Flows.Sdp.Length}\r\n\r\n{Flows.Sdp}");
        return _trunk.Receive(m => !m.IsRequest && m.StatusCode >= 200 && m.Text(m.CallId) == callId).Message.StatusCode;
    }

    [Fact]
    public void ACustomerPrefixCoveringItsOwnExchange_RefusesOutsideCallers_NotItsOwnLines()
    {
        Start("null", customerScreening: """{ "blockedPrefixes": ["1604555"] }""");

        Assert.Equal(603, FromTrunk("+16045550999")); // an outside number on the exchange
        Assert.Equal(486, Call(IdentityDirectory.NeverHidden, "101"));  // 103: its DID and account id start with 1604555
        Assert.Equal(486, Call(IdentityDirectory.NoDid, "101"));        // 104: no DID, its account id starts with it
        Assert.Equal(486, Call(IdentityDirectory.NeverHidden, "16045550111")); // 101's DID dialed in full: still a colleague
    }

    [Fact]
    public void ALinesExtensionEntry_RefusesThatColleague_EvenHidden_ButItsPrefixesOnlyOutsideNumbers()
    {
        Start("""{ "blockedNumbers": ["102"], "blockedPrefixes": ["10"] }""", customerScreening: """{ "blockedNumbers": ["104"] }""");

        Assert.Equal(603, Call(IdentityDirectory.AlwaysHidden, "101")); // 102 named on 101's list: hiding its number does not help
        Assert.Equal(603, Call(IdentityDirectory.NoDid, "101"));        // 104 named on the customer's list
        Assert.Equal(486, Call(IdentityDirectory.NeverHidden, "101"));  // 103 not named; "10" is not a rule for extensions
        Assert.Equal(603, FromTrunk("+10005550100"));                   // an outside number under "10"
    }

    [Fact]
    public void AnotherCustomersLine_IsNotRefusedByAnExtensionEntry_ButByItsPublicNumber()
    {
        Start("""{ "blockedNumbers": ["201"] }""");
        Assert.Equal(486, Call(IdentityDirectory.Other, "16045550111")); // globex's 201 is not acme's extension 201
    }

    [Fact]
    public void AnotherCustomersLine_OnAPrefixOfTheList_IsRefused()
    {
        Start("null", customerScreening: """{ "blockedPrefixes": ["1778"] }""");

        Assert.Equal(603, Call(IdentityDirectory.Other, "16045550111")); // its DID 17785550211: an outside caller's number
        Assert.Equal(486, Call(IdentityDirectory.NoDid, "101"));
    }
}
