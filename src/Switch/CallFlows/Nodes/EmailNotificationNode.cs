using Centrex.Switch.CallFlows.Async;

namespace Centrex.Switch.CallFlows.Nodes;

/// <summary>
/// "Email notification" (seed 003: "email is sent (for example, if the phone call is not answered)"): hands a mail with
/// the call's details to the operator's SMTP server and goes on to <c>next</c> at once: call control never waits for
/// the mail (a failure is only logged).
/// </summary>
public sealed class EmailNotificationNode : AsyncFlowNode
{
    /// <summary>The subject when the node gives none.</summary>
    public const string DefaultSubject = "Call from {caller} to {did}";

    /// <summary>The recipient.</summary>
    public required string To { get; init; }

    /// <summary>The subject, with <see cref="FlowTemplate"/> placeholders.</summary>
    public string Subject { get; init; } = DefaultSubject;

    /// <inheritdoc/>
    public override bool Detached => true;

    /// <inheritdoc/>
    public override async Task<FlowResult> RunAsync(FlowCall call, FlowServices services, CancellationToken cancellation)
    {
        if (services.Mail is not { } mailer)
        {
            return FlowResult.Failed("no SMTP server configured");
        }

        await mailer.SendAsync(new FlowMail(To, FlowTemplate.Expand(Subject, call, url: false), FlowTemplate.Details(call)), cancellation).ConfigureAwait(false);
        return new FlowResult(FlowResultKind.Done);
    }
}
