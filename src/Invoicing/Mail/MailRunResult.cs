namespace Centrex.Invoicing.Mail;

/// <summary>What one send run did.</summary>
/// <param name="Sent">Messages the server accepted.</param>
/// <param name="Failed">Messages whose attempts failed (kept for the next run, with their reason).</param>
/// <param name="Waiting">Messages not attempted (email not configured, or the run was stopped).</param>
/// <param name="LastError">Why the last failure happened, or why nothing was sent.</param>
public sealed record MailRunResult(int Sent, int Failed, int Waiting, string? LastError);
