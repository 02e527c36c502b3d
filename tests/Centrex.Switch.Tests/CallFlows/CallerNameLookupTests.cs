using Centrex.Switch.CallFlows;
using Centrex.Switch.CallFlows.Async;
using Centrex.Switch.Sip;
using Centrex.Switch.Tests.Support;
using NodaTime;
using Steps = Centrex.Switch.Tests.Support.Flows;

namespace Centrex.Switch.Tests.CallFlows;

/// <summary>
/// Seed 003's caller name lookup with a real web server: a JSON answer's field gives the name; no name (a 404, an empty
/// answer) leaves the From as it was and the call goes on; the sanitizer's rules.
/// </summary>
public sealed class CallerNameLookupTests
{
    private const string Alice = "16045550101";
    private const string Bob = "16045550102";

    private static async Task<string> FromBobSees(string path, Action<FlowWebServer> names)
    {
        await using var web = await FlowWebServer.StartAsync();
        names(web);
        await using var fixture = new SwitchFixture(partitions: 1);
        var flow = new FlowDefinition("lookup", "acme", ["102"], [
            FeatureDirectory.Node("in", "my-numbers", branches: "next=name"),
            FeatureDirectory.Node("name", "caller-name-lookup", $"url={web.Url}/{path}/{{caller}}", "next=bob"),
            FeatureDirectory.Node("bob", "call-to-sip", "extension=102")]);
        fixture.Live.Replace(new FeatureDirectory(fixture.Directory, "acme", DateTimeZone.Utc, flows: [flow]));
        using var alice = new TestPhone(fixture.Endpoint, Alice);
        using var bob = new TestPhone(fixture.Endpoint, Bob);
        Steps.Register(bob);

        Steps.Invite(alice, "102");
        var invite = bob.ReceiveRequest("INVITE").Message;
        bob.Send(bob.Response(invite, 486, "Busy Here", "b1"));
        alice.ReceiveResponse(486);
        return invite.Text(invite.Find(SipHeaderKind.From));
    }

    [Fact]
    public async Task AJsonAnswer_GivesTheNameFromItsField()
    {
        var from = await FromBobSees("json-name", web => web.Names[Alice] = "Acme <Sales>");

        Assert.StartsWith("\"Acme Sales\" <sip:", from, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoNameFound_TheCallGoesOnWithTheFromItHad()
    {
        var from = await FromBobSees("nothing-here", _ => { }); // 404

        Assert.StartsWith($"<sip:{Alice}@", from, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  Jane \"J\" Doe\r\nVia: evil ", "Jane J Doe Via: evil")]
    [InlineData("a\\b<c>", "abc")]
    [InlineData("\r\n\t", null)]
    [InlineData("0123456789012345678901234567890123456789-cut", "0123456789012345678901234567890123456789")]
    public void Sanitize_DropsWhatCouldBreakTheHeader_AndCutsLongNames(string name, string? expected) =>
        Assert.Equal(expected, CallerNames.Sanitize(name));
}
