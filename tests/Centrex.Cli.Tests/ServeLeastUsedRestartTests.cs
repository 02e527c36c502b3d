using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Centrex.Switch.Cdrs;
using Centrex.Switch.Tests.Sipp;
using NodaTime;

namespace Centrex.Cli.Tests;

/// <summary>
/// Least-used hunting (seed 004 Huntgroups, "Least Used") in the real process across a restart: alice (101) answers the
/// group's call, serve stops, and the restarted serve, which rebuilds each line's last usage from the CDR store, rings
/// the never-used 102 first instead of the listed first, alice (before the rebuild every line started as never used).
/// </summary>
public sealed class ServeLeastUsedRestartTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AfterARestart_TheGroupRingsTheLineUsedLongestAgoFirst()
    {
        var data = _folder.File("data");
        var (sipPort, alicePort, linePort) = (Sipp.FreeUdpPort(), Sipp.FreeUdpPort(), Sipp.FreeUdpPort());
        var json = JsonNode.Parse(SwitchProvisioning.Json(trunkSources: "\"127.0.0.1:9\""))!; // not every port of 127.0.0.1: the phones are not a trunk
        json["hunt_groups"] = JsonNode.Parse("""
            [ { "id": "sales", "customer": "acme", "number": "300", "name": "Sales", "sequence": "least-used",
                "members": [ { "extension": "101", "ring_for": 10 }, { "extension": "102", "ring_for": 10 } ] } ]
            """);
        var import = CliRun.Invoke("provision", "import", "--data", data, _folder.Write("base.json", json.ToJsonString()));
        Assert.True(import.ExitCode == 0, import.Error);
        var sip = new IPEndPoint(IPAddress.Loopback, sipPort);
        string[] serveArgs = ["--sip", $"127.0.0.1:{sipPort.ToString(CultureInfo.InvariantCulture)}", "--media", "Direct"];

        using (var serve = await CentrexProcess.ServeSwitchAsync(data, serveArgs))
        {
            await serve.OutputLineAsync("sip udp ");
            Register(sip, "alice", alicePort);
            Register(sip, SwitchProvisioning.Prepaid, linePort);
            CallTheGroup(sip, alicePort, serve); // nobody used yet: the listed order, alice first
            Assert.Equal(0, await serve.StopAsync());
        }

        Assert.Equal(SwitchProvisioning.Limited, LastAnsweredBy(data));
        using (var serve = await CentrexProcess.ServeSwitchAsync(data, serveArgs))
        {
            await serve.OutputLineAsync("sip udp ");
            Register(sip, "alice", alicePort);
            Register(sip, SwitchProvisioning.Prepaid, linePort);
            using var alice = Sipp.Listen("uas-answer", sip, alicePort); // would answer, were she rung first
            try
            {
                CallTheGroup(sip, linePort, serve);
            }
            finally
            {
                alice.Kill(entireProcessTree: true); // never rung: it would wait for its call until sipp's own timeout
            }

            Assert.Equal(0, await serve.StopAsync());
        }

        Assert.Equal(SwitchProvisioning.Prepaid, LastAnsweredBy(data)); // 102 answered: alice was not rung first
    }

    /// <summary>The line without credit calls group 300; the phone on <paramref name="answeringPort"/> answers.</summary>
    private static void CallTheGroup(IPEndPoint sip, int answeringPort, CentrexProcess serve)
    {
        using var phone = Sipp.Listen("uas-answer", sip, answeringPort);
        var caller = Sipp.Run("uac-call", sip, Sipp.FreeUdpPort(), "-s", "300", "-au", SwitchProvisioning.NoCredit, "-ap", SwitchProvisioning.Password);
        Assert.True(caller.ExitCode == 0, "caller: " + caller.Output + "\n" + serve.Error);
        var answered = Sipp.Finish(phone);
        Assert.True(answered.ExitCode == 0, "the phone on port " + answeringPort + ": " + answered.Output);
    }

    /// <summary>The <c>answered_by</c> of the latest answered CDR in the store.</summary>
    private static string LastAnsweredBy(string data)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        return CdrStore.Read(data, now - Duration.FromDays(1), now + Duration.FromDays(1))
            .Where(c => c.Disposition == CallDisposition.Answered).OrderBy(c => c.Answer).Last().AnsweredBy;
    }

    private static void Register(IPEndPoint sip, string user, int port)
    {
        var run = Sipp.Run("register", sip, port, "-s", user, "-au", user, "-ap", SwitchProvisioning.Password);
        Assert.True(run.ExitCode == 0, "register: " + run.Output);
    }
}
