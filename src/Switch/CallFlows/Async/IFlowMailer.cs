namespace Centrex.Switch.CallFlows.Async;

/// <summary>Sends an email notification (seed 003) to the operator's SMTP server; <c>serve</c> gives one built on MailKit.</summary>
public interface IFlowMailer
{
    /// <summary>Sends <paramref name="mail"/>; throws when the server refuses it or cannot be reached.</summary>
    Task SendAsync(FlowMail mail, CancellationToken cancellation);
}
