namespace Centrex.Switch.CallFlows.Async;

/// <summary>What a node's network work found, carried back to the call's partition through its ring.</summary>
/// <param name="Kind">How it ended.</param>
/// <param name="Choice">A branch number the answer chose (HTTP notification: 1 to 5), 0 for none.</param>
/// <param name="Text">What it found (an account to ring) or why it failed.</param>
/// <param name="CallerName">A display name for the caller (caller name lookup), already sanitized.</param>
public readonly record struct FlowResult(FlowResultKind Kind, int Choice = 0, string? Text = null, string? CallerName = null)
{
    /// <summary>The deadline passed.</summary>
    public static FlowResult TimedOut => new(FlowResultKind.TimedOut);

    /// <summary>Too much work in flight in the partition.</summary>
    public static FlowResult Refused => new(FlowResultKind.Refused);

    /// <summary>It failed, for <paramref name="reason"/>.</summary>
    public static FlowResult Failed(string reason) => new(FlowResultKind.Failed, Text: reason);
}
