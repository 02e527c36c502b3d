namespace Centrex.Switch.CallFlows.Async;

/// <summary>One email notification.</summary>
/// <param name="To">The recipient address.</param>
/// <param name="Subject">Its subject.</param>
/// <param name="Body">Its plain-text body.</param>
public sealed record FlowMail(string To, string Subject, string Body);
