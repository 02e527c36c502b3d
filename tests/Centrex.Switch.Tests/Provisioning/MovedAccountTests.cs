using System.Net;
using Centrex.Switch.Registration;
using Centrex.Switch.Tests.Support;

namespace Centrex.Switch.Tests.Provisioning;

/// <summary>
/// Live provisioning (issue 14) moves an account to another customer, whose calls another partition owns: the phone's
/// registration goes with it, so a call to its DID, routed to the new customer's partition, rings it at once instead
/// of getting 480 until the phone registers again. (With two partitions, customer acme is partition 1, globex 0.)
/// </summary>
public sealed class MovedAccountTests
{
    private const string Bob = "16045550102";
    private const string BobDid = "16045550100";

    [Fact]
    public async Task AnAccountMovedToACustomerInAnotherPartition_KeepsItsRegistration_AndItsDidRingsIt()
    {
        using var gateway = new TestPhone(new IPEndPoint(IPAddress.Loopback, 9), "gateway");
        await using var fixture = new SwitchFixture(partitions: 2, directoryJson: DirectoryJson(gateway.Local, "acme"));
        gateway.Retarget(fixture.Endpoint);
        using var bob = new TestPhone(fixture.Endpoint, Bob);
        Assert.Equal(200, Flows.Register(bob).StatusCode);

        var dropped = fixture.Switch.ReplaceDirectory(JsonSwitchDirectory.Parse(DirectoryJson(gateway.Local, "globex"), "moved"));

        Assert.Equal(0, dropped); // same credentials: nothing to prove again
        Assert.NotNull(fixture.Switch.Lookup(Bob));
        var callId = Guid.NewGuid().ToString("N");
        gateway.Send(gateway.Request("INVITE", $"sip:+{BobDid}@{SwitchFixture.Realm}", callId, 1, "g1", body: Flows.Sdp));
        var (invite, _) = bob.ReceiveRequest("INVITE"); // not 480 to the gateway
        bob.Send(bob.Response(invite, 486, "Busy Here", "b1"));
        Assert.Equal(486, gateway.ReceiveFinal().StatusCode);
    }

    private static string DirectoryJson(IPEndPoint trunk, string bobsCustomer) =>
        $$"""
        {
          "realm": "{{SwitchFixture.Realm}}",
          "digestAlgorithms": ["MD5"],
          "sites": [ { "id": "hq", "name": "Head office" } ],
          "trunks": [ { "id": "pstn", "address": "{{trunk}}", "sources": ["{{trunk}}"] } ],
          "customers": [ { "id": "acme", "dialingRules": "north-america", "trunk": "pstn" },
                         { "id": "globex", "dialingRules": "north-america", "trunk": "pstn" } ],
          "accounts": [ { "id": "{{Bob}}", "customer": "{{bobsCustomer}}", "site": "hq", "extension": "102", "username": "{{Bob}}", "type": "credit",
                          "ha1Md5": "{{DigestAuthenticator.Ha1(false, Bob, SwitchFixture.Realm, SwitchFixture.Password)}}" } ],
          "dids": [ { "number": "{{BobDid}}", "account": "{{Bob}}" } ]
        }
        """;
}
