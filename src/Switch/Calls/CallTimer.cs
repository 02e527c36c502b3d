namespace Centrex.Switch.Calls;

/// <summary>
/// Which of a call's timers ran (<see cref="Call"/> is the <see cref="Clock.ITimerTarget"/> of its own timers, so a
/// timer is a slot in the partition's wheel and no closure or timer object per call: bench/README.md, "Where the p99
/// tail comes from"). A ring delay also carries the index of its target in the current step, in the bits above the kind.
/// </summary>
internal enum CallTimer
{
    /// <summary>The callee's ring time (a plain call's B leg).</summary>
    NoAnswer,

    /// <summary>The duration cap: 120 minutes (seed 001) or the balance's limit.</summary>
    Cap,

    /// <summary>The 2xx to the caller, retransmitted until its ACK (RFC 3261 §13.3.1.4).</summary>
    AFinal,

    /// <summary>A fork's leg rang for its ring time (seed 004 "Ring for").</summary>
    LegNoAnswer,

    /// <summary>A fork's target waited its ring delay: the kind's upper bits are the target's index in the step.</summary>
    RingDelay,
}
