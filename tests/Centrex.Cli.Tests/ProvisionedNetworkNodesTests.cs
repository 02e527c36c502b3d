using System.Text;
using Centrex.Invoicing.Mail;
using Centrex.Provisioning.Json;
using Centrex.Switch.CallFlows;
using Centrex.Switch.CallFlows.Async;
using Centrex.Switch.CallFlows.Nodes;
using Centrex.Switch.Cdrs;
using Centrex.Switching;
using NodaTime;

namespace Centrex.Cli.Tests;

/// <summary>
/// Seed 003's network nodes in the host: an import's HTTP notification, caller name lookup, change prefix/suffix, email
/// notification and call history nodes compile into the switch's directory with their fields, and <c>serve</c> gives
/// them the SMTP server <c>centrex mail configure</c> saved and the data directory's CDR store.
/// </summary>
public sealed class ProvisionedNetworkNodesTests
{
    [Fact]
    public void TheNetworkNodes_AreCompiledFromProvisioningWithTheirFields()
    {
        var json = SwitchProvisioning.Json();
        var end = json.LastIndexOf('}');
        json = json[..end] + """
            , "call_flows": [ { "id": "main", "customer": "acme", "numbers": ["16045550100"], "nodes": [
                { "id": "in", "type": "my-numbers", "branches": { "next": "name" } },
                { "id": "name", "type": "caller-name-lookup", "fields": { "url": "http://crm.example/n/{caller}", "field": "who" }, "branches": { "next": "tag" } },
                { "id": "tag", "type": "change-prefix", "fields": { "strip": "1", "suffix": "#9" }, "branches": { "next": "ask" } },
                { "id": "ask", "type": "http-notification", "fields": { "url": "http://crm.example/calls", "timeout": "7" }, "branches": { "2": "last", "error": "mail" } },
                { "id": "last", "type": "call-history", "fields": { "days": "14" }, "branches": { "else": "mail" } },
                { "id": "mail", "type": "email-notification", "fields": { "to": "boss@acme.example" } } ] } ] }
            """;
        var directory = ProvisionedSwitchDirectory.From(ProvisioningJsonReader.Parse(Encoding.UTF8.GetBytes(json), "flows.json"), "flows.json");

        var flow = directory.FindFlow("acme", "16045550100")!;
        var context = new FlowContext(Instant.FromUtc(2026, 11, 23, 18, 0), DateTimeZone.Utc, false);
        var run = FlowRun.Start(flow);
        var lookup = FlowEvaluator.Next(ref run, context);
        Assert.Equal(("name", "who"), (lookup.Async!.Id, ((CallerNameLookupNode)lookup.Async).JsonField));
        var tag = FlowEvaluator.Completed(ref run, new FlowResult(FlowResultKind.Done), context);
        Assert.Equal("6045550199#9", tag.Caller!.Apply("16045550199"));
        var ask = FlowEvaluator.Continue(ref run, tag.Next, context);
        Assert.Equal(Duration.FromSeconds(7), ask.Async!.Timeout);
        var history = FlowEvaluator.Completed(ref run, new FlowResult(FlowResultKind.Done, Choice: 2), context);
        Assert.Equal(14, ((CallHistoryNode)history.Async!).Days);
        var mail = FlowEvaluator.Completed(ref run, new FlowResult(FlowResultKind.Done), context); // nobody found: else
        Assert.True(mail.Async is EmailNotificationNode { To: "boss@acme.example", Detached: true });
    }

    [Fact]
    public void Serve_GivesFlowsTheConfiguredSmtpServer_AndTheCdrStore()
    {
        using var data = new TempFolder();
        var log = new StringWriter();

        var none = FlowNetwork.Services(data.Path, log);
        new MailSettings("127.0.0.1", 2525, MailSecurity.None, "switch@acme.example", null).Save(data.Path);
        var configured = FlowNetwork.Services(data.Path, log);

        Assert.Null(none.Mail);
        Assert.IsType<SmtpFlowMailer>(configured.Mail);
        Assert.IsType<CdrCallHistory>(configured.History);
        Assert.Equal(string.Empty, log.ToString());
    }
}
