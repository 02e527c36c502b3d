using Centrex.Switch.Cdrs;
using Centrex.Switch.Tests.Sip;
using Centrex.Switch.Tests.Support;

namespace Centrex.Switch.Tests.Sipp;

/// <summary>
/// The switch against a real, independent SIP implementation (sipp) on loopback. sipp answers only the first
/// digest challenge header, and only MD5, so these switches offer MD5 first.
/// </summary>
[Collection(RepliesToPort5060.Name)]
public class SippTests
{
    private const string Caller = "16045550101";
    private const string Callee = "16045550102";

    private static SwitchFixture NewSwitch() => new(algorithms: "\"MD5\", \"SHA-256\"", realTime: true);

    [Fact]
    public async Task Sipp_RegistersWithDigest_AndAWrongPasswordIsRefused()
    {
        await using var fixture = NewSwitch();

        var ok = Sipp.Run("register", fixture.Endpoint, Sipp.FreeUdpPort(), "-s", Callee, "-au", Callee, "-ap", SwitchFixture.Password);
        var refused = Sipp.Run("register-refused", fixture.Endpoint, Sipp.FreeUdpPort(), "-s", Caller, "-au", Caller, "-ap", "wrong");

        Assert.True(ok.ExitCode == 0, ok.Output);
        Assert.True(refused.ExitCode == 0, refused.Output);
        Assert.NotNull(fixture.Switch.Lookup(Callee));
        Assert.Null(fixture.Switch.Lookup(Caller));
    }

    [Fact]
    public async Task Sipp_CallBetweenTwoEndpoints_IsAnsweredAndHungUp()
    {
        await using var fixture = NewSwitch();

        RunCall(fixture, "uas-answer", "uac-call");

        Assert.Equal(CallDisposition.Answered, fixture.Cdrs.Ends.Single().Disposition);
    }

    [Fact]
    public async Task Sipp_CallOverTcp_IsAnsweredAndHungUp()
    {
        await using var fixture = NewSwitch();

        RunCall(fixture, "uas-answer", "uac-call", tcp: true);

        Assert.Equal(CallDisposition.Answered, fixture.Cdrs.Ends.Single().Disposition);
    }

    [Fact]
    public async Task Sipp_BusyCallee_PassesBusyToTheCaller()
    {
        await using var fixture = NewSwitch();

        RunCall(fixture, "uas-busy", "uac-busy");

        Assert.Equal(CallDisposition.Busy, fixture.Cdrs.Ends.Single().Disposition);
    }

    [Fact]
    public async Task Sipp_CallerCancelsWhileRinging_CancelsBothLegs()
    {
        await using var fixture = NewSwitch();

        RunCall(fixture, "uas-ring", "uac-cancel");

        Assert.Equal(CallDisposition.Cancelled, fixture.Cdrs.Ends.Single().Disposition);
    }

    [Fact]
    public async Task Sipp_AfterAStreamOfMalformedMessages_CallsStillWork()
    {
        await using var fixture = NewSwitch();
        using (var attacker = new TestPhone(fixture.Endpoint, "attacker"))
        {
            foreach (var file in Directory.EnumerateFiles(TortureCorpus.Directory, "*", SearchOption.AllDirectories))
            {
                if (!file.EndsWith(".md", StringComparison.Ordinal))
                {
                    attacker.SendBytes(File.ReadAllBytes(file));
                }
            }

            var random = new Random(5118);
            for (var i = 0; i < 100; i++)
            {
                var junk = new byte[random.Next(1, 800)];
                random.NextBytes(junk);
                attacker.SendBytes(junk);
            }

            Flows.Sync(attacker, fixture.Switch);
        }

        RunCall(fixture, "uas-answer", "uac-call");

        Assert.True(fixture.Switch.MalformedMessages >= 100);
        Assert.Equal(CallDisposition.Answered, fixture.Cdrs.Ends.Single().Disposition);
    }

    /// <summary>Registers the callee's port with sipp, runs the callee scenario there and the caller scenario against it.</summary>
    private static void RunCall(SwitchFixture fixture, string callee, string caller, bool tcp = false)
    {
        var port = Sipp.FreeUdpPort();
        string[] transport = tcp ? ["-t", "t1"] : ["-t", "u1"];
        // Over TCP the REGISTER's connection comes from its own port (closing it leaves that port in TIME_WAIT, where
        // the callee could not listen), naming the callee's port as its contact.
        var registered = tcp
            ? Sipp.Run("register-contact", fixture.Endpoint, Sipp.FreeUdpPort(),
                ["-s", Callee, "-au", Callee, "-ap", SwitchFixture.Password, "-key", "contact_port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. transport])
            : Sipp.Run("register", fixture.Endpoint, port, ["-s", Callee, "-au", Callee, "-ap", SwitchFixture.Password, .. transport]);
        Assert.True(registered.ExitCode == 0, registered.Output);

        using var uas = Sipp.Listen(callee, fixture.Endpoint, port, transport);
        var uac = Sipp.Run(caller, fixture.Endpoint, Sipp.FreeUdpPort(), ["-s", "102", "-au", Caller, "-ap", SwitchFixture.Password, .. transport]);
        var uasResult = Sipp.Finish(uas);

        Assert.True(uac.ExitCode == 0, "caller: " + uac.Output);
        Assert.True(uasResult.ExitCode == 0, "callee: " + uasResult.Output);
    }
}
