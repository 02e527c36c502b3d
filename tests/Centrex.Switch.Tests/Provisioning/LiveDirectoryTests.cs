using System.Net;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Provisioning;
using Centrex.Switch.Registration;
using Centrex.Switch.Tests.Support;

namespace Centrex.Switch.Tests.Provisioning;

/// <summary>
/// Live provisioning in the switch (issue 14): a directory replaced while the switch runs takes effect for the next
/// message, a call in progress keeps going on the settings it started with, and registrations made with credentials
/// that changed are dropped.
/// </summary>
public sealed class LiveDirectoryTests
{
    private const string Alice = "16045550101";
    private const string Bob = "16045550102";

    [Fact]
    public void SpanLookups_ThroughTheLiveDirectory_AllocateNothing()
    {
        var live = new LiveSwitchDirectory(JsonSwitchDirectory.Parse(SwitchFixture.DirectoryJson(new IPEndPoint(IPAddress.Loopback, 9)), "test"));
        var trunk = new IPEndPoint(IPAddress.Loopback, 9);
        Assert.NotNull(live.FindAccount(Alice.AsSpan())); // warm up: the alternate lookups are made once
        Assert.NotNull(live.FindByDid("16045550100".AsSpan()));
        Assert.NotNull(live.FindTrunkBySource(trunk));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            _ = live.FindAccount(Alice.AsSpan());
            _ = live.FindByDid("16045550100".AsSpan());
            _ = live.FindTrunkBySource(trunk);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task Replace_CallInProgressStaysUp_ChangedCredentialsLoseTheirRegistration_NewAccountServed()
    {
        await using var fixture = new SwitchFixture();
        using var alice = new TestPhone(fixture.Endpoint, Alice);
        using var bob = new TestPhone(fixture.Endpoint, Bob);
        var (_, ok) = Flows.AnsweredCall(alice, bob);
        Assert.Equal(200, Flows.Register(alice).StatusCode);

        // Bob's password changes and a fourth account appears; alice's line is as it was.
        var next = NextDirectory();
        var dropped = fixture.Switch.ReplaceDirectory(next);

        Assert.Equal(1, dropped);
        Assert.Null(fixture.Switch.Lookup(Bob));
        Assert.NotNull(fixture.Switch.Lookup(Alice));
        Assert.Same(next, fixture.Live.Current);
        Assert.Equal(1, fixture.Live.Version);

        // The call that was up goes on and ends normally, with its one CDR.
        alice.Send(Flows.InDialog(alice, ok, "BYE", 3));
        var (bye, _) = bob.ReceiveRequest("BYE");
        bob.Send(bob.Response(bye, 200, "OK", "b1"));
        Assert.Equal(200, alice.ReceiveResponse(200).StatusCode);
        Flows.Sync(alice, fixture.Switch);
        var end = Assert.Single(fixture.Cdrs.Ends);
        Assert.Equal(CallDisposition.Answered, end.Disposition);

        // The old password no longer registers bob; the new one does, and the new account registers at once.
        Assert.Equal(401, Flows.Register(bob).StatusCode);
        Assert.Equal(200, Flows.Register(bob, password: "changed").StatusCode);
        using var dave = new TestPhone(fixture.Endpoint, "16045550104");
        Assert.Equal(200, Flows.Register(dave).StatusCode);
    }

    [Fact]
    public async Task Replace_OnAFixedDirectory_IsRefused()
    {
        var directory = JsonSwitchDirectory.Parse(SwitchFixture.DirectoryJson(new IPEndPoint(IPAddress.Loopback, 9)), "test");
        await using var sipSwitch = SipSwitch.Start(new SipSwitchSettings(new IPEndPoint(IPAddress.Loopback, 0), directory) { Partitions = 1, UdpReaders = 1 });

        Assert.Throws<InvalidOperationException>(() => sipSwitch.ReplaceDirectory(directory));
    }

    private static JsonSwitchDirectory NextDirectory()
    {
        var json = SwitchFixture.DirectoryJson(new IPEndPoint(IPAddress.Loopback, 9));
        foreach (var sha in (bool[])[false, true])
        {
            json = json.Replace(DigestAuthenticator.Ha1(sha, Bob, SwitchFixture.Realm, SwitchFixture.Password),
                DigestAuthenticator.Ha1(sha, Bob, SwitchFixture.Realm, "changed"), StringComparison.Ordinal);
        }

        var dave = $$"""{ "id": "16045550104", "customer": "acme", "extension": "104", "ha1Md5": "{{DigestAuthenticator.Ha1(false, "16045550104", SwitchFixture.Realm, SwitchFixture.Password)}}" }""";
        json = json.Replace("\"accounts\": [ ", "\"accounts\": [ " + dave + ", ", StringComparison.Ordinal);
        return JsonSwitchDirectory.Parse(json, "next");
    }
}
