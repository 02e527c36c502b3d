using System.Net;
using Centrex.Switch.Registration;
using Centrex.Switch.Tests.Hooks;
using Centrex.Switch.Tests.Support;

namespace Centrex.Switch.Tests.Sipp;

/// <summary>
/// Issue 16, suspend: a suspended line, and every line of a suspended customer, neither calls nor is called (403
/// Suspended, a Warning naming which party), but its emergency calls still go out (issue 14: 911 and 933 always do).
/// Line 101 is suspended, 102 active (both of customer acme); 104 belongs to customer beta, which is suspended.
/// </summary>
public sealed class SippSuspensionTests : IDisposable
{
    private const string Suspended = "16045550101";
    private const string Active = "16045550102";
    private const string OfSuspendedCustomer = "16045550104";

    private readonly TempFolder _logs = new();

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task ASuspendedLine_Calling_IsRefused403Suspended_NamingTheCallingLine()
    {
        await using var fixture = new HookedSwitch(directoryJson: DirectoryJson(new IPEndPoint(IPAddress.Loopback, 9)));
        var log = Path.Combine(_logs.Path, "caller.log");

        var run = Sipp.Run("uac-forbidden", fixture.Endpoint, Sipp.FreeUdpPort(), "-s", "102", "-au", Suspended, "-ap", SwitchFixture.Password,
            "-trace_msg", "-message_file", log);

        Assert.True(run.ExitCode == 0, run.Output);
        var messages = await File.ReadAllTextAsync(log);
        Assert.Contains("SIP/2.0 403 Suspended", messages, StringComparison.Ordinal);
        Assert.Contains("Warning: 399 centrex \"the calling line is suspended\"", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACallToASuspendedLine_IsRefused403Suspended_NamingTheCalledLine()
    {
        await using var fixture = new HookedSwitch(directoryJson: DirectoryJson(new IPEndPoint(IPAddress.Loopback, 9)));
        var log = Path.Combine(_logs.Path, "callee.log");

        var run = Sipp.Run("uac-forbidden", fixture.Endpoint, Sipp.FreeUdpPort(), "-s", "101", "-au", Active, "-ap", SwitchFixture.Password,
            "-trace_msg", "-message_file", log);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Warning: 399 centrex \"the called line is suspended\"", await File.ReadAllTextAsync(log), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALineOfASuspendedCustomer_IsRefused403()
    {
        await using var fixture = new HookedSwitch(directoryJson: DirectoryJson(new IPEndPoint(IPAddress.Loopback, 9)));

        var run = Sipp.Run("uac-forbidden", fixture.Endpoint, Sipp.FreeUdpPort(), "-s", "+" + Active, "-au", OfSuspendedCustomer, "-ap", SwitchFixture.Password);

        Assert.True(run.ExitCode == 0, run.Output);
    }

    [Theory]
    [InlineData(Suspended)]
    [InlineData(OfSuspendedCustomer)]
    public async Task ASuspendedLine_Dials911_TheEmergencyTrunkAnswers(string line)
    {
        var psapPort = Sipp.FreeUdpPort();
        await using var fixture = new HookedSwitch(directoryJson: DirectoryJson(new IPEndPoint(IPAddress.Loopback, psapPort)));
        using var psap = Sipp.Listen("uas-answer", fixture.Endpoint, psapPort);

        var caller = Sipp.Run("uac-call", fixture.Endpoint, Sipp.FreeUdpPort(), "-s", "911", "-au", line, "-ap", SwitchFixture.Password);

        Assert.True(caller.ExitCode == 0, caller.Output);
        Assert.True(Sipp.Finish(psap).ExitCode == 0, "psap");
    }

    private static string DirectoryJson(IPEndPoint emergencyTrunk)
    {
        static string Account(string id, string customer, string ext, bool suspended) =>
            $$"""{ "id": "{{id}}", "customer": "{{customer}}", "extension": "{{ext}}", "username": "{{id}}", "ha1Md5": "{{DigestAuthenticator.Ha1(false, id, SwitchFixture.Realm, SwitchFixture.Password)}}", "type": "credit", "suspended": {{(suspended ? "true" : "false")}} }""";
        return $$"""
        {
          "realm": "{{SwitchFixture.Realm}}",
          "digestAlgorithms": ["MD5"],
          "trunks": [ { "id": "pstn", "address": "127.0.0.1:9", "sources": ["127.0.0.1:9"] },
                      { "id": "e911", "address": "{{emergencyTrunk}}", "sources": ["{{emergencyTrunk}}"] } ],
          "emergencyTrunk": "e911",
          "customers": [ { "id": "acme", "dialingRules": "north-america", "trunk": "pstn" },
                         { "id": "beta", "dialingRules": "north-america", "trunk": "pstn", "suspended": true } ],
          "accounts": [ {{Account(Suspended, "acme", "101", true)}}, {{Account(Active, "acme", "102", false)}}, {{Account(OfSuspendedCustomer, "beta", "104", false)}} ],
          "dids": [ { "number": "{{Active}}", "account": "{{Active}}" } ]
        }
        """;
    }
}
