using Centrex.Switch.CallFlows;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Tests.Support;
using NodaTime;
using SippRunner = Centrex.Switch.Tests.Sipp.Sipp;

namespace Centrex.Switch.Tests.CallFlows;

/// <summary>
/// Seed 003's network nodes with sipp as the phones and a real web server (Kestrel on loopback): an HTTP notification
/// whose answer sends the call to the right extension, and a caller name lookup whose (sanitized) name the called
/// phone's scenario checks in the From display name.
/// </summary>
public sealed class SippAsyncFlowTests
{
    private const string Alice = "16045550101";
    private const string Bob = "16045550102";
    private const string Carol = "16045550103";

    private static void Register(SwitchFixture fixture, string account, int port)
    {
        var registered = SippRunner.Run("register", fixture.Endpoint, port, "-s", account, "-au", account, "-ap", SwitchFixture.Password);
        Assert.True(registered.ExitCode == 0, registered.Output);
    }

    [Fact]
    public async Task TheNotificationAnswers3_TheCallEndsUpAtTheExtensionOfBranch3()
    {
        await using var web = await FlowWebServer.StartAsync();
        await using var fixture = new SwitchFixture(algorithms: "\"MD5\""); // sipp answers MD5 challenges only
        var flow = new FlowDefinition("notify", "acme", ["102"], [
            FeatureDirectory.Node("in", "my-numbers", branches: "next=ask"),
            FeatureDirectory.Node("ask", "http-notification", $"url={web.Url}/answer/3", "1=bob;3=carol;next=bob;error=bob"),
            FeatureDirectory.Node("bob", "call-to-sip", "extension=102"),
            FeatureDirectory.Node("carol", "call-to-sip", "extension=103")]);
        fixture.Live.Replace(new FeatureDirectory(fixture.Directory, "acme", DateTimeZone.Utc, flows: [flow]));
        var carolPort = SippRunner.FreeUdpPort();
        Register(fixture, Carol, carolPort);

        using var carol = SippRunner.Listen("uas-answer", fixture.Endpoint, carolPort);
        var caller = SippRunner.Run("uac-call", fixture.Endpoint, SippRunner.FreeUdpPort(), "-s", "102", "-au", Alice, "-ap", SwitchFixture.Password);
        var callee = SippRunner.Finish(carol);

        Assert.True(caller.ExitCode == 0, "caller: " + caller.Output);
        Assert.True(callee.ExitCode == 0, "carol: " + callee.Output);
        Assert.Equal(CallDisposition.Answered, fixture.Cdrs.Ends.Single(e => e.Call.Dialed == "102").Disposition);
        Assert.Single(web.Requests);
    }

    [Fact]
    public async Task ACallerNameLookup_PutsTheSanitizedNameInTheFromDisplayNameThePhoneSees()
    {
        await using var web = await FlowWebServer.StartAsync();
        web.Names[Alice] = "Jane \"The Boss\" Doe\r\nX-Injected: 1"; // quotes and a second header line: dropped
        await using var fixture = new SwitchFixture(algorithms: "\"MD5\"");
        var flow = new FlowDefinition("lookup", "acme", ["102"], [
            FeatureDirectory.Node("in", "my-numbers", branches: "next=name"),
            FeatureDirectory.Node("name", "caller-name-lookup", $"url={web.Url}/name/{{caller}}", "next=bob"),
            FeatureDirectory.Node("bob", "call-to-sip", "extension=102")]);
        fixture.Live.Replace(new FeatureDirectory(fixture.Directory, "acme", DateTimeZone.Utc, flows: [flow]));
        var bobPort = SippRunner.FreeUdpPort();
        Register(fixture, Bob, bobPort);

        using var bob = SippRunner.Listen("uas-answer-named", fixture.Endpoint, bobPort);
        var caller = SippRunner.Run("uac-call", fixture.Endpoint, SippRunner.FreeUdpPort(), "-s", "102", "-au", Alice, "-ap", SwitchFixture.Password);
        var callee = SippRunner.Finish(bob);

        Assert.True(caller.ExitCode == 0, "caller: " + caller.Output);
        Assert.True(callee.ExitCode == 0, "bob (checks the display name): " + callee.Output);
        Assert.Equal("/name/" + Alice, Assert.Single(web.Requests).Path);
    }
}
