namespace Centrex.Switch.CallFlows.Async;

/// <summary>How a node's network work ended.</summary>
public enum FlowResultKind : byte
{
    /// <summary>It finished; <see cref="FlowResult.Choice"/> and <see cref="FlowResult.Text"/> say what it found.</summary>
    Done,

    /// <summary>Its deadline passed first.</summary>
    TimedOut,

    /// <summary>The server refused or could not be reached, or its answer made no sense.</summary>
    Failed,

    /// <summary>Call control did not start it: the partition had too much work in flight already.</summary>
    Refused,
}
