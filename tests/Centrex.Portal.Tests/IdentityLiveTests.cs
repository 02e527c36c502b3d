using System.Diagnostics;
using Centrex.Portal.Tests.Support;
using Centrex.Switch.Tests.Sipp;

namespace Centrex.Portal.Tests;

/// <summary>
/// Hide CLI set on the portal's Identity page is what the running switch sends (issue 16: "takes effect in the running
/// switch within a second"; seed 004 Identity, Hide CLI; RFC 3323 §4.1.1.3 anonymous From with <c>Privacy: id</c>):
/// 113 calls 123 through <c>serve</c> (sipp phones) and 123's phone reads the INVITE it gets, before and after the
/// customer sets 113 to Always, and again after setting it back to Never.
/// </summary>
[Collection(ClientsCollection.Name)]
public sealed class IdentityLiveTests(PortalServer server) : IDisposable
{
    private const string Anonymous = "From: \"Anonymous\" <sip:anonymous@anonymous.invalid>";
    private readonly string _logs = Directory.CreateTempSubdirectory("centrex-identity-live-").FullName;

    public void Dispose() => Directory.Delete(_logs, recursive: true);

    [Fact]
    public async Task HideCliSetInThePortal_IsWhatTheRunningSwitchSendsOnTheNextCalls()
    {
        await NsLines.Import(server);
        using var ns = await Sessions.SignedIn(server, "cust-ns");
        var calleePort = Sipp.FreeUdpPort();
        var registered = await SippRetry.UntilSuccess(() => Sipp.Run("register", server.SipUdp, calleePort, "-s", "ns123", "-au", "ns123", "-ap", NsLines.Password));
        Assert.True(registered.ExitCode == 0, registered.Output);

        var shown = await Call(calleePort);
        Assert.DoesNotContain(Anonymous, shown, StringComparison.Ordinal);
        Assert.DoesNotContain("\nPrivacy:", shown, StringComparison.Ordinal);

        var saved = await BillingPagesTests.Form(ns, "/customer/identity", null, ("line", "ACC-1103"), ("caller_id", ""), ("hide_cli", "always"));
        Assert.Contains("Identity of line ACC-1103 saved.", saved, StringComparison.Ordinal);
        var (hidden, hiddenAfter) = await CallUntil(calleePort, invite => invite.Contains(Anonymous, StringComparison.Ordinal));
        Assert.Contains("\nPrivacy: id", hidden, StringComparison.Ordinal);
        Assert.DoesNotContain("ns113", hidden, StringComparison.Ordinal);

        saved = await BillingPagesTests.Form(ns, "/customer/identity", null, ("line", "ACC-1103"), ("caller_id", ""), ("hide_cli", "never"));
        Assert.Contains("Identity of line ACC-1103 saved.", saved, StringComparison.Ordinal);
        var (again, shownAfter) = await CallUntil(calleePort, invite => !invite.Contains(Anonymous, StringComparison.Ordinal));
        Assert.DoesNotContain("\nPrivacy:", again, StringComparison.Ordinal);

        // Each wait includes at least one whole sipp call (two processes); the switch itself reloads within a second.
        Assert.True(hiddenAfter < TimeSpan.FromSeconds(5) && shownAfter < TimeSpan.FromSeconds(5), $"{hiddenAfter}, {shownAfter}");
    }

    // Calls 123 from 113 until the INVITE 123's phone gets matches: that INVITE, and how long it took from the change.
    private async Task<(string Invite, TimeSpan After)> CallUntil(int calleePort, Func<string, bool> wanted)
    {
        var clock = Stopwatch.StartNew();
        var last = string.Empty;
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            last = await Call(calleePort);
            if (wanted(last))
            {
                return (last, clock.Elapsed);
            }
        }

        Assert.Fail($"the switch still sent the old identity 10 s after the portal's change: {last}");
        return (last, clock.Elapsed);
    }

    // One call from ns113 to 123, answered by a sipp phone on 123's registered port; the INVITE it got, from sipp's message log.
    private async Task<string> Call(int calleePort)
    {
        var log = Path.Combine(_logs, Guid.NewGuid().ToString("N") + ".log");
        using var callee = Sipp.Listen("uas-answer", server.SipUdp, calleePort, "-trace_msg", "-message_file", log);
        var call = await Task.Run(() => Sipp.Run("uac-call", server.SipUdp, Sipp.FreeUdpPort(), "-s", "123", "-au", "ns113", "-ap", NsLines.Password));
        var answered = await Task.Run(() => Sipp.Finish(callee));
        Assert.True(call.ExitCode == 0, "113: " + call.Output);
        Assert.True(answered.ExitCode == 0, "123: " + answered.Output);
        var text = await File.ReadAllTextAsync(log);
        var at = text.IndexOf("INVITE sip:", StringComparison.Ordinal);
        Assert.True(at >= 0, "123's phone logged no INVITE: " + text);
        var end = text.IndexOf("\n\n", at, StringComparison.Ordinal) is var e and >= 0 ? e : text.IndexOf("\r\n\r\n", at, StringComparison.Ordinal);
        return text[at..(end < 0 ? text.Length : end)].Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
