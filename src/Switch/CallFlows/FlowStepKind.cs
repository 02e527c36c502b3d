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
}
