using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Centrex.Portal.Tests.Support;
using Centrex.Switch.Tests.Sipp;

namespace Centrex.Portal.Tests;

/// <summary>
/// The operator's view of the running service (issue 16): a phone registered with sipp shows on the switch page and as
/// "registered" on its customer's Phone Lines; the ledger page verifies the journal on demand.
/// </summary>
[Collection(ClientsCollection.Name)]
public sealed class OperatorPagesTests(PortalServer server)
{
    [Fact]
    public async Task APhoneRegisteredWithSipp_ShowsOnTheSwitchPage_AndAsRegisteredToItsCustomer()
    {
        var register = Sipp.Run("register", server.SipUdp, Sipp.FreeUdpPort(), "-s", "qc101", "-au", "qc101", "-ap", PortalServer.SipPassword);
        Assert.True(register.ExitCode == 0, register.Output);

        using var op = await Sessions.SignedIn(server, "operator");
        // The portal reads registrations from the switch's partitions at most once a second.
        var page = string.Empty;
        for (var i = 0; i < 30 && !page.Contains("<li>ACC-1001</li>", StringComparison.Ordinal); i++)
        {
            await Task.Delay(i == 0 ? 0 : 200);
            page = await op.Http.GetStringAsync("/operator/switch");
        }

        Assert.True(page.Contains("<li>ACC-1001</li>", StringComparison.Ordinal), page[page.IndexOf("<main", StringComparison.Ordinal)..] + register.Output + server.Error);
        Assert.DoesNotContain("<li>ACC-1002</li>", page, StringComparison.Ordinal);

        using var qc = await Sessions.SignedIn(server, "cust-qc");
        var lines = await qc.Http.GetFromJsonAsync<JsonElement>("/api/v1/me/lines");
        Assert.True(lines[0].GetProperty("registered").GetBoolean());
        Assert.Contains("Registered", await qc.Http.GetStringAsync("/customer/lines"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACallHeldUp_CountsOnItsSite_OnTheSwitchPage_AndIsGoneWhenItEnds()
    {
        // CUST-NS's 123 calls 113 (both on the default site) and holds the call up for 4 seconds.
        await NsLines.Import(server);
        var answerPort = Sipp.FreeUdpPort();
        var registered = Sipp.Run("register", server.SipUdp, answerPort, "-s", "ns113", "-au", "ns113", "-ap", NsLines.Password);
        for (var i = 0; registered.ExitCode != 0 && i < 25; i++)
        {
            await Task.Delay(200); // the imported lines reach the running switch within a second
            registered = Sipp.Run("register", server.SipUdp, answerPort, "-s", "ns113", "-au", "ns113", "-ap", NsLines.Password);
        }

        Assert.True(registered.ExitCode == 0, registered.Output);
        using var op = await Sessions.SignedIn(server, "operator");
        using var answers = Sipp.Listen("uas-answer", server.SipUdp, answerPort);
        using var caller = Sipp.Start("uac-call-hold", server.SipUdp, Sipp.FreeUdpPort(), "-s", "113", "-au", "ns123", "-ap", NsLines.Password, "-d", "4000");

        // The page reads the partitions' counts at most once a second; the call is up for 4.
        var page = string.Empty;
        for (var i = 0; i < 40 && DefaultSiteCalls(page) is null or "0"; i++)
        {
            await Task.Delay(i == 0 ? 0 : 100);
            page = await op.Http.GetStringAsync("/operator/switch");
        }

        Assert.True(DefaultSiteCalls(page) is "1" or "2", page[page.IndexOf("<main", StringComparison.Ordinal)..] + server.Error);
        Assert.Matches("id=\"active-calls\">[12]<", page);
        var call = Sipp.Finish(caller);
        Assert.True(call.ExitCode == 0, "caller: " + call.Output);
        Assert.True(Sipp.Finish(answers).ExitCode == 0);
        for (var i = 0; i < 40 && DefaultSiteCalls(page) != "0"; i++)
        {
            await Task.Delay(100);
            page = await op.Http.GetStringAsync("/operator/switch");
        }

        Assert.Equal("0", DefaultSiteCalls(page));
    }

    [Fact]
    public async Task TheLedgerPage_VerifiesTheJournalOnDemand()
    {
        using var op = await Sessions.SignedIn(server, "operator");
        var token = await op.FormTokenAsync("/operator/ledger");

        var response = await op.Http.PostAsync("/operator/ledger", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("id=\"verify-result\" class=\"notice\">Consistent: [0-9,]+ entries, [1-9][0-9,]* calls", html);
    }

    /// <summary>The calls column of the default site's row in the switch page's per-site table, or null.</summary>
    private static string? DefaultSiteCalls(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, "<tr><td>Default site</td><td class=\"num\">([0-9]+)</td>") is { Success: true } m ? m.Groups[1].Value : null;
}
