using Centrex.Switch.Tests.Support;

namespace Centrex.Switch.Tests.Sipp;

/// <summary>
/// Issue 15, paging/intercom: a sipp phone dials the customer's paging prefix (<c>*80</c> by default) and extension 102;
/// the registered sipp phone 102 is called with Call-Info answer-after=0, Alert-Info alert-autoanswer and Answer-Mode:
/// Auto (its scenario checks each) and answers at once.
/// </summary>
[Collection(RepliesToPort5060.Name)]
public sealed class SippPagingTests
{
    [Fact]
    public async Task Sipp_PagingPrefixAndExtension_TheCalleeIsToldToAnswerAtOnce_AndTheCallConnects()
    {
        await using var fixture = new SwitchFixture(algorithms: "\"MD5\", \"SHA-256\"", realTime: true); // sipp answers MD5 only
        var calleePort = Sipp.FreeUdpPort();
        var registered = Sipp.Run("register", fixture.Endpoint, calleePort, "-s", "16045550102", "-au", "16045550102", "-ap", SwitchFixture.Password);
        Assert.True(registered.ExitCode == 0, registered.Output);

        using var callee = Sipp.Listen("uas-answer-paged", fixture.Endpoint, calleePort);
        var caller = Sipp.Run("uac-call-hold", fixture.Endpoint, Sipp.FreeUdpPort(),
            "-s", "*80102", "-au", "16045550101", "-ap", SwitchFixture.Password, "-d", "100");
        var calleeResult = Sipp.Finish(callee);

        Assert.True(caller.ExitCode == 0, "caller: " + caller.Output);
        Assert.True(calleeResult.ExitCode == 0, "callee: " + calleeResult.Output);
    }
}
