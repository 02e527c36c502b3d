namespace Centrex.Switch.CallFlows;

/// <summary>What a node asks call control to do next.</summary>
public enum FlowStepKind : byte
{
    /// <summary>Go on to <see cref="FlowStep.Next"/> at once (a decision node).</summary>
    Goto,

    /// <summary>Ring an account (<see cref="FlowStep.Target"/>), with or without its own forwarding.</summary>
    RingAccount,

    /// <summary>Ring a hunt group (<see cref="FlowStep.Group"/>).</summary>
    RingGroup,

    /// <summary>Call an external number (<see cref="FlowStep.Target"/>): a forwarded call.</summary>
    RingNumber,

    /// <summary>Ring an account's follow-me numbers (its forwarding targets), not its phone.</summary>
    FollowMe,

    /// <summary>Nothing more: the call fails with the last outcome (480 when nothing rang).</summary>
    Stop,

    /// <summary>
    /// Start the network work of <see cref="FlowStep.Async"/> off the partition's thread (HTTP, SMTP, the CDR store) and
    /// resume at its branch when the result comes back through the partition's ring (<see cref="FlowEvaluator.Completed"/>);
    /// a detached node's flow goes on at once to <see cref="FlowStep.Next"/>.
    /// </summary>
    Async,

    /// <summary>Change the caller number shown from now on (<see cref="FlowStep.Caller"/>), then go on to <see cref="FlowStep.Next"/>.</summary>
    ChangeCaller,
}
