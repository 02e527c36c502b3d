namespace Centrex.Switch.CallFlows;

/// <summary>When a line's forwarding applies (seed 000: <c>*73</c> unconditional, <c>*72</c> conditional).</summary>
public enum ForwardWhen : byte
{
    /// <summary>Every call; the phone does not ring.</summary>
    Always,

    /// <summary>Busy, no answer within the line's ring time, or no phone registered.</summary>
    Unanswered,
}
