using System.Net;
using System.Text;
using Centrex.Portal.Tests.Support;
using Centrex.Switch.Tests.Sipp;

namespace Centrex.Portal.Tests;

/// <summary>
/// A hunt group added in the portal is one the running switch rings (issue 16: "takes effect in the running switch
/// within a second"; seed 004: "The number the end user must dial on his phone to reach one or more assigned
/// extensions"): 123 dials the new group's number and 113, its member, answers (sipp phones).
/// </summary>
[Collection(ClientsCollection.Name)]
public sealed class HuntgroupsLiveTests(PortalServer server)
{
    [Fact]
    public async Task AGroupAddedInThePortal_IsRungByTheRunningSwitch()
    {
        await NsLines.Import(server);
        using var ns = await Sessions.SignedIn(server, "cust-ns");
        var answerPort = Sipp.FreeUdpPort();
        var registered = await SippRetry.UntilSuccess(() => Sipp.Run("register", server.SipUdp, answerPort, "-s", "ns113", "-au", "ns113", "-ap", NsLines.Password));
        Assert.True(registered.ExitCode == 0, registered.Output);
        using var answers = Sipp.Listen("uas-answer", server.SipUdp, answerPort);

        var csrf = await ns.CsrfAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/me/hunt-groups")
        {
            Content = new StringContent("""{"number":"330","name":"Night desk","sequence":"order","members":[{"extension":"113","ring_for":20}]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-CSRF-Token", csrf);
        Assert.Equal(HttpStatusCode.Created, (await ns.Http.SendAsync(request)).StatusCode);

        // 123 dials 330: once the switch has the group (it reloads the store within a second), 113's phone answers.
        var call = await SippRetry.UntilSuccess(() => Sipp.Run("uac-call", server.SipUdp, Sipp.FreeUdpPort(), "-s", "330", "-au", "ns123", "-ap", NsLines.Password));
        var answered = Sipp.Finish(answers);

        Assert.True(call.ExitCode == 0, "caller: " + call.Output);
        Assert.True(answered.ExitCode == 0, "113's phone: " + answered.Output);
    }
}
