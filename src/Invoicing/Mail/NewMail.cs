namespace Centrex.Invoicing.Mail;

/// <summary>A message to queue.</summary>
/// <param name="Key">What it is about, unique (a message with a key already queued is not queued again).</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="To">The recipient.</param>
/// <param name="Subject">Subject line.</param>
/// <param name="Body">Plain-text body.</param>
/// <param name="Attachments">Files to attach, relative to the data directory.</param>
public sealed record NewMail(string Key, string CustomerId, string To, string Subject, string Body, IReadOnlyList<string> Attachments);
